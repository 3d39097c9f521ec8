// Table types of the synced record tables and of what the server keeps beside them (overwritten
// values, audit trail, retention runs). Record fields live as JSON text in `data`; a few are
// copied into columns so coordinator queries and the loan rule can use an index.

/** Columns every record table has. */
export interface RecordColumns {
  org_id: string;
  id: string;
  version: number;
  /** Org-wide pull sequence of the latest write. */
  seq: number;
  /** 0 or 1 (tombstone). */
  deleted: number;
  /** JSON text of the record's device fields. */
  data: string;
  created_by: string | null;
  last_device_id: string | null;
  received_at: string;
  review_state: string;
  review_comment: string | null;
  /** How far retention went: 0 nothing, 1 free text cleared, 2 links dropped too. */
  retention_stage: number;
}

export interface HelpRequestsTable extends RecordColumns {
  occurred_at: string | null;
  location_id: string | null;
  channel: string | null;
  outcome: string | null;
}

export interface PermanencesTable extends RecordColumns {
  started_at: string | null;
  location_id: string | null;
}

/** One phone's counts in a shared session (src/server/README.md, "Shared sessions"). */
export interface SessionMembersTable extends RecordColumns {
  permanence_id: string | null;
  joined_at: string | null;
  ended_at: string | null;
}

export interface LoansTable extends RecordColumns {
  equipment_id: string | null;
  /** 1 while the loan is open (isOpenLoan). */
  open: number;
  status: string | null;
  borrower_code: string | null;
  /** When the loan ended (returned or given), for retention. */
  ended_at: string | null;
  /** UTC ISO instants of startedAt and dueAt (loan lists page and bucket by them). */
  started_at: string | null;
  due_at: string | null;
}

export interface EquipmentTable extends RecordColumns {
  /** Copies of assetTag, kind and status (the inventory filters, sorts and pages by them). */
  asset_tag: string | null;
  kind: string | null;
  status: string | null;
}

export interface BorrowersTable extends RecordColumns {
  borrower_code: string | null;
}

/** A value a stale write overwrote, kept for a coordinator's review. */
export interface MergesTable {
  id: string;
  org_id: string;
  table_name: string;
  record_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  /** The device that wrote the value now in place, and when. */
  device_id: string | null;
  at: string;
  /** The device that wrote the overwritten value, and when (null for merges made before they were kept). */
  overwritten_device_id: string | null;
  overwritten_at: string | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  table_name: string;
  record_id: string;
  user_id: string | null;
  at: string;
  before: string | null;
  after: string | null;
}

export interface RetentionRunsTable {
  id: string;
  org_id: string;
  ran_at: string;
  /** JSON: counts per rule. */
  summary: string;
}

/** An image a fiche shows: base64 bytes of a checked PNG, JPEG or WebP. */
export interface FicheImagesTable {
  org_id: string;
  id: string;
  content_type: string;
  size: number;
  bytes: string;
  created_by: string | null;
  created_at: string;
}
