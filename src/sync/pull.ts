// Pull phase: follow the server's cursor until `hasMore` is false, one transaction per page
// (rows + cursor together). A record that still has outbox entries is never overwritten, nor
// is one the user must look at (needs attention, conflict): those only get `serverRecord`.
// Also the purge of old synced records, so a phone holds little personal data.
import { isOpenLoan } from '../shared/loan-rules';
import type { Change } from '../shared/sync-protocol';
import {
  LOCAL_TABLES,
  type DigitafelDb,
  type LocalLoan,
  type LocalRecord,
  type LocalTable,
} from '../local/db';
import { setMeta } from '../local/meta';
import { pendingCounts, pendingEntriesFor, recordKey } from '../local/outbox';
import { ApiError, type ApiClient } from './api-client';

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
    return { ...c.record, id: c.id, version: c.version, deleted: false, syncState: 'synced' } as never;
  }
  if (row && (row.syncState === 'needs_attention' || row.syncState === 'conflict')) {
    // Kept for the user to resolve. A tombstone may only mean "no longer visible to you" (a
    // volunteer sees a conflict loan as closed), so only a real record replaces serverRecord.
    if (c.deleted || !c.record) return undefined;
    return { ...row, serverRecord: c.record };
  }
  if (c.deleted || !c.record) return null;
  return { ...c.record, id: c.id, version: c.version, deleted: false, syncState: 'synced' } as never;
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

/** Pulls every change after the stored cursor; a 410 restarts once from the beginning. */
export async function pullChanges(db: DigitafelDb, api: ApiClient, cursor: string): Promise<number> {
  let restarted = false;
  let applied = 0;
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
  if (table === 'loans') {
    const loan = row as unknown as LocalLoan;
    if (isOpenLoan(loan)) return undefined;
    return loan.returnedAt ?? loan.startedAt;
  }
  return undefined;
}

/** Deletes synced help requests, closed permanences and closed loans older than 30 days. */
export async function purgeOldRecords(db: DigitafelDb, now: Date): Promise<number> {
  const limit = new Date(now.getTime() - PURGE_AFTER_DAYS * 86_400_000).toISOString();
  let purged = 0;
  for (const t of ['help_requests', 'permanences', 'loans'] as const) {
    purged += await db.transaction('rw', db.table(t), db.outbox, async () => {
      const rows = (await db.table(t).where('syncState').equals('synced').toArray()) as Record<
        string,
        unknown
      >[];
      let n = 0;
      for (const row of rows) {
        const date = ageDate(t, row);
        if (!date || new Date(date).toISOString() >= limit) continue;
        if ((await pendingEntriesFor(db, t, row.id as string)) > 0) continue;
        await db.table(t).delete(row.id as string);
        n++;
      }
      return n;
    });
  }
  return purged;
}
