// Pull phase: follow the server's cursor until `hasMore` is false, one transaction per page
// (rows + cursor together). A record that still has outbox entries is never overwritten, nor
// is one the user must look at (needs attention, conflict): those only get `serverRecord`.
// Also the purge of old synced records, so a phone holds little personal data.
import { Dexie } from 'dexie';
import { isOpenLoan } from '../shared/loan-rules';
import type { Change } from '../shared/sync-protocol';
import {
  LOCAL_TABLES,
  OUTBOX_TABLES,
  type DigitafelDb,
  type OutboxTable,
  type LocalLoan,
  type LocalRecord,
  type LocalTable,
} from '../local/db';
import { getMeta, setMeta } from '../local/meta';
import { pendingCounts, recordKey } from '../local/outbox';
import { ApiError, type ApiClient } from './api-client';
import { ServerRewoundError } from './rewind';

export const PULL_PAGE_SIZE = 500;
/** Synced field records older than this are removed from the phone. */
export const PURGE_AFTER_DAYS = 30;

const isLocalTable = (t: string): t is LocalTable => (LOCAL_TABLES as readonly string[]).includes(t);

type Row = LocalRecord<LocalTable>;

/** Whether a pulled change is a loan still waiting in conflict. */
const isConflictLoan = (c: Change) => !c.deleted && c.record?.status === 'conflict';

/** What one pulled change does to the local row: the row to store, null to delete, or nothing. */
function changedRow(c: Change & { table: LocalTable }, row: Row | undefined): Row | null | undefined {
  if (row && row.syncState === 'conflict' && c.table === 'loans' && !isConflictLoan(c)) {
    // The server sends a phone its own loans in conflict as records: anything else means a
    // coordinator settled the conflict (the loan was cancelled, or it now stands).
    if (c.deleted || !c.record) return null;
    return fromServer(c, row);
  }
  if (row && (row.syncState === 'needs_attention' || row.syncState === 'conflict')) {
    // Kept for the user to resolve. A tombstone may only mean "no longer visible to you" (a
    // volunteer sees a conflict loan as closed), so only a real record replaces serverRecord.
    if (c.deleted || !c.record) return undefined;
    return { ...row, serverRecord: c.record };
  }
  if (c.deleted || !c.record) return null;
  return fromServer(c, row);
}

/** The row a pulled record becomes; it keeps the mutationId of this phone's last write of it. */
function fromServer(c: Change, row: Row | undefined): Row {
  const stored = { ...c.record, id: c.id, version: c.version, deleted: false, syncState: 'synced' };
  if (row?.localMutationId !== undefined) Object.assign(stored, { localMutationId: row.localMutationId });
  return stored as never;
}

/**
 * Applies one page of changes (inside the caller's transaction); returns how many local rows
 * changed. Bulk reads and writes, with the outcome of applying the changes one by one: a record
 * that still has outbox entries is left alone, borrower identity never stays on a phone.
 */
async function applyPage(db: DigitafelDb, changes: Change[]): Promise<number> {
  const local = changes.filter((c): c is Change & { table: LocalTable } => isLocalTable(c.table));
  const keys = new Map<string, readonly [LocalTable, string]>();
  for (const c of local) keys.set(recordKey(c.table, c.id), [c.table, c.id]);
  const waiting = await pendingCounts(db, [...keys.values()]);
  const rows = new Map<string, { row: Row | undefined; changed: boolean }>();
  for (const table of LOCAL_TABLES) {
    const ids = [...keys.values()].filter(([t]) => t === table).map(([, id]) => id);
    if (ids.length === 0) continue;
    const got = await db.recordTable(table).bulkGet(ids);
    ids.forEach((id, i) => rows.set(recordKey(table, id), { row: got[i], changed: false }));
  }
  let n = 0;
  for (const c of local) {
    const k = recordKey(c.table, c.id);
    if ((waiting.get(k) ?? 0) > 0) continue;
    const state = rows.get(k)!;
    const next = changedRow(c, state.row);
    if (next === undefined) continue;
    state.row = next ?? undefined;
    state.changed = true;
    n++;
  }
  for (const table of LOCAL_TABLES) {
    const puts: Row[] = [];
    const deletes: string[] = [];
    for (const [k, state] of rows) {
      const [t, id] = keys.get(k)!;
      if (t !== table || !state.changed) continue;
      if (state.row) puts.push(state.row);
      else deletes.push(id);
    }
    if (puts.length) await db.recordTable(table).bulkPut(puts);
    if (deletes.length) await db.recordTable(table).bulkDelete(deletes);
  }
  return n;
}

/**
 * Pulls every change after the stored cursor; a 410 restarts once from the beginning. Throws
 * ServerRewoundError when the server's mark of this device is below the acknowledged one.
 */
export async function pullChanges(db: DigitafelDb, api: ApiClient, cursor: string): Promise<number> {
  let restarted = false;
  let applied = 0;
  const acked = (await getMeta(db, 'ackedMutationId')) ?? 0;
  const tables = [...LOCAL_TABLES.map((t) => db.table(t)), db.outbox, db.meta];
  for (;;) {
    let page;
    try {
      page = await api.pull(cursor, PULL_PAGE_SIZE);
    } catch (err) {
      if (err instanceof ApiError && err.status === 410 && !restarted) {
        restarted = true;
        cursor = '';
        continue;
      }
      throw err;
    }
    // The server lost pushes it had answered: the caller sends them again (rewind.ts).
    if (page.lastMutationId !== undefined && page.lastMutationId < acked)
      throw new ServerRewoundError(page.lastMutationId);
    const next = page.cursor;
    applied += await db.transaction('rw', tables, async () => {
      const n = await applyPage(db, page.changes);
      await setMeta(db, 'pullCursor', next);
      return n;
    });
    cursor = next;
    if (!page.hasMore) return applied;
  }
}

/** The date that ages a field record, or undefined while it must stay (open session or loan). */
function ageDate(table: LocalTable, row: Record<string, unknown>): string | undefined {
  if (table === 'help_requests') return row.occurredAt as string;
  if (table === 'permanences') return (row.endedAt as string | null) ?? undefined;
  // A shared session's counts go 30 days after the phone joined (sessions last a day).
  if (table === 'session_members') return row.joinedAt as string;
  if (table === 'loans') {
    const loan = row as unknown as LocalLoan;
    if (isOpenLoan(loan)) return undefined;
    return loan.returnedAt ?? loan.startedAt;
  }
  return undefined;
}

/** Rows of `table` stored in `state` that may be old enough to go (help requests by date). */
function candidates(
  db: DigitafelDb,
  table: OutboxTable,
  state: 'synced' | 'pending',
  limit: string,
): Promise<Array<Record<string, unknown> & { id: string }>> {
  if (table === 'help_requests') {
    // The index compares text, and a date may carry an offset (up to 14 h): a day of margin,
    // the caller compares the instants.
    const margin = new Date(Date.parse(limit) + 86_400_000).toISOString();
    return db.help_requests
      .where('[syncState+occurredAt]')
      .between([state, Dexie.minKey], [state, margin])
      .toArray() as never;
  }
  return db.table(table).where('syncState').equals(state).toArray();
}

/**
 * Deletes synced help requests, closed permanences and closed loans older than 30 days. Synced
 * means: stored `synced` (a pull wrote it) or stored `pending` with no outbox entry left (the
 * server acknowledged it, src/local/read.ts). Records needing attention or in conflict are
 * never purged, whatever their age: they exist on this phone only, or wait for the user.
 */
export async function purgeOldRecords(db: DigitafelDb, now: Date): Promise<number> {
  const limit = new Date(now.getTime() - PURGE_AFTER_DAYS * 86_400_000).toISOString();
  let purged = 0;
  for (const t of OUTBOX_TABLES) {
    purged += await db.transaction('rw', db.table(t), db.outbox, async () => {
      const rows: Array<Record<string, unknown> & { id: string }> = [];
      for (const state of ['synced', 'pending'] as const)
        rows.push(...(await candidates(db, t, state, limit)));
      const old = rows.filter((row) => {
        const date = ageDate(t, row);
        return date !== undefined && new Date(date).toISOString() < limit;
      });
      if (old.length === 0) return 0;
      const waiting = await pendingCounts(
        db,
        old.map((row) => [t, row.id] as const),
      );
      const ids = old.filter((row) => !waiting.has(recordKey(t, row.id))).map((row) => row.id);
      await db.table(t).bulkDelete(ids);
      return ids.length;
    });
  }
  return purged;
}
