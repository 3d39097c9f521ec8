// Data access for organisations and their sync sequence counter.
import type { Transaction } from 'kysely';
import { newId } from '../../shared/ids';
import type { Db, DB } from './index';
import type { OrgSeqTable } from './orgs.table';

type Tx = Db | Transaction<DB>;

/** Creates an organisation with its sequence counter; returns `{id, name}`. */
export async function insertOrg(db: Tx, name: string): Promise<{ id: string; name: string }> {
  const id = newId();
  await db
    .insertInto('orgs')
    .values({ id, org_id: id, name, created_at: new Date().toISOString() })
    .execute();
  await db.insertInto('org_seq').values({ org_id: id, last_seq: 0, min_valid_seq: 0, epoch: 1 }).execute();
  return { id, name };
}

/** The organisation `{id, name}`, or undefined. */
export async function findOrg(db: Tx, orgId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('orgs').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
}

/** The organisation as GET /me and PATCH /org answer it: name and privacy contact. */
export async function orgProfile(
  db: Tx,
  orgId: string,
): Promise<{ id: string; name: string; privacyContact: string | null }> {
  const row = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'privacy_contact'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  return { id: orgId, name: row?.name ?? '', privacyContact: row?.privacy_contact ?? null };
}

/** Sets whom people ask about their data (null clears it). */
export async function setPrivacyContact(db: Tx, orgId: string, contact: string | null): Promise<void> {
  await db.updateTable('orgs').set({ privacy_contact: contact }).where('id', '=', orgId).execute();
}

/** Every organisation id (for jobs that run per organisation). */
export async function listOrgIds(db: Tx): Promise<string[]> {
  const rows = await db.selectFrom('orgs').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Reads the sequence row without locking it (pull). */
export async function readOrgSeq(db: Tx, orgId: string): Promise<OrgSeqTable | undefined> {
  return db.selectFrom('org_seq').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

/**
 * Locks the organisation's sequence row for the rest of the transaction (a no-op UPDATE: a row
 * lock on PostgreSQL, the write lock on SQLite), so writers of one organisation commit in
 * sequence order, and returns the current value.
 */
export async function lockOrgSeq(trx: Transaction<DB>, orgId: string): Promise<number> {
  const row = await trx
    .updateTable('org_seq')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('org_id', '=', orgId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/** Stores the last sequence number handed out in this transaction. */
export async function saveOrgSeq(trx: Transaction<DB>, orgId: string, lastSeq: number): Promise<void> {
  await trx.updateTable('org_seq').set({ last_seq: lastSeq }).where('org_id', '=', orgId).execute();
}

/** Hands out sequence numbers inside one locked transaction. */
export class SeqAllocator {
  private constructor(
    private readonly orgId: string,
    private last: number,
    private readonly start: number,
  ) {}

  /** Locks the org's counter and starts handing out numbers after it. */
  static async lock(trx: Transaction<DB>, orgId: string): Promise<SeqAllocator> {
    const last = await lockOrgSeq(trx, orgId);
    return new SeqAllocator(orgId, last, last);
  }

  /** The next sequence number. */
  next(): number {
    this.last += 1;
    return this.last;
  }

  /** Writes the counter back when numbers were handed out. */
  async save(trx: Transaction<DB>): Promise<void> {
    if (this.last !== this.start) await saveOrgSeq(trx, this.orgId, this.last);
  }
}
