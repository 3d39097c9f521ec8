// Table types of organisations and their sync sequence counter.

export interface OrgsTable {
  id: string;
  /** Same as id: every table carries org_id, this one too. */
  org_id: string;
  name: string;
  /** Whom people ask about their data (shown in the information texts); null until set. */
  privacy_contact: string | null;
  created_at: string;
}

/** One row per organisation: the pull sequence and the cursor epoch. */
export interface OrgSeqTable {
  org_id: string;
  last_seq: number;
  /** Cursors below this sequence can no longer be served (410). */
  min_valid_seq: number;
  /** Bumped when the sequence is reset; cursors of another epoch are 410. */
  epoch: number;
}
