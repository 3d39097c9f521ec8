// Reads for the screens of the first load (Home, its sync bar and saved notice): Dexie queries
// only. Nothing here imports zod or the write path (write.ts and the record schemas load with
// the forms), so the first screen stays within its budget. The repositories re-export these,
// so src/local/index.ts still offers them all. Every row comes back with the sync state to
// show (`withSyncState`).
import { isOpenLoan } from '../shared/loan-rules';
import type {
  DigitafelDb,
  LocalHelpRequest,
  LocalLoan,
  LocalPermanence,
  LocalRecord,
  OutboxTable,
} from './db';
import { getDb, getMeta } from './meta';

/**
 * The rows with the sync state the user should see. A row written on this phone is stored as
 * `pending` and stays so after the server acknowledged it (acknowledging removes only the
 * outbox entries, it does not rewrite the row): such a row is synced once no outbox entry
 * waits for it. Refused and conflicting rows, and rows a pull wrote, are shown as stored.
 */
export async function withSyncState<T extends OutboxTable, R extends LocalRecord<T>>(
  table: T,
  rows: R[],
  db: DigitafelDb = getDb(),
): Promise<R[]> {
  const local = rows.filter((r) => r.syncState === 'pending');
  if (local.length === 0) return rows;
  const keys = await db.outbox
    .where('[table+id]')
    .anyOf(local.map((r) => [table, r.id]))
    .keys();
  const waiting = new Set(keys.map((k) => (k as unknown as [string, string])[1]));
  return rows.map((r) =>
    r.syncState === 'pending' && !waiting.has(r.id) ? { ...r, syncState: 'synced' } : r,
  );
}

async function one<T extends OutboxTable, R extends LocalRecord<T>>(table: T, row: R | undefined) {
  return row && !row.deleted ? (await withSyncState(table, [row]))[0] : undefined;
}

/** One help request, unless deleted. */
export async function getHelpRequest(id: string): Promise<LocalHelpRequest | undefined> {
  return one('help_requests', await getDb().help_requests.get(id));
}

/** The latest help requests by time of help, newest first. */
export async function listRecentHelpRequests(limit = 50): Promise<LocalHelpRequest[]> {
  const rows = await getDb()
    .help_requests.orderBy('occurredAt')
    .reverse()
    .filter((r) => !r.deleted)
    .limit(limit)
    .toArray();
  return withSyncState('help_requests', rows);
}

/** The most recently started session that is not closed yet. */
export async function getOpenPermanence(): Promise<LocalPermanence | undefined> {
  const rows = await getDb().permanences.orderBy('startedAt').reverse().toArray();
  return one(
    'permanences',
    rows.find((p) => !p.deleted && !p.endedAt),
  );
}

/** One permanence, unless deleted. */
export async function getPermanence(id: string): Promise<LocalPermanence | undefined> {
  return one('permanences', await getDb().permanences.get(id));
}

/** The latest permanences, newest first. */
export async function listRecentPermanences(limit = 20): Promise<LocalPermanence[]> {
  const rows = await getDb()
    .permanences.orderBy('startedAt')
    .reverse()
    .filter((p) => !p.deleted)
    .limit(limit)
    .toArray();
  return withSyncState('permanences', rows);
}

/** Loans still out, oldest due first. */
export async function listOpenLoans(): Promise<LocalLoan[]> {
  const rows = await getDb().loans.toArray();
  const open = rows
    .filter((l) => isOpenLoan(l))
    .sort(
      (a, b) =>
        (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.startedAt.localeCompare(b.startedAt),
    );
  return withSyncState('loans', open);
}

/** One loan, unless deleted. */
export async function getLoan(id: string): Promise<LocalLoan | undefined> {
  return one('loans', await getDb().loans.get(id));
}

/** This person's records a coordinator marked "has issues" (Home's notice, Recent's marks). */
export interface RecordsWithIssues {
  help: LocalHelpRequest[];
  permanences: LocalPermanence[];
}

/**
 * The help requests and permanences of the phone's owner that a coordinator marked "has issues"
 * (read through the `reviewState` index), newest first. A correction makes a record `new`
 * again when it is saved (write.ts), so it leaves this list at once; a coordinator's phone,
 * which holds everyone's records, lists only its own.
 */
export async function listRecordsWithIssues(db: DigitafelDb = getDb()): Promise<RecordsWithIssues> {
  const owner = (await getMeta(db, 'owner'))?.userId ?? (await getMeta(db, 'session'))?.user.id;
  if (!owner) return { help: [], permanences: [] };
  const mine = <R extends { deleted?: boolean; createdBy?: string | null }>(r: R) =>
    !r.deleted && r.createdBy === owner;
  const [help, permanences] = await Promise.all([
    db.help_requests.where('reviewState').equals('has_issues').filter(mine).toArray(),
    db.permanences.where('reviewState').equals('has_issues').filter(mine).toArray(),
  ]);
  help.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  permanences.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return {
    help: await withSyncState('help_requests', help, db),
    permanences: await withSyncState('permanences', permanences, db),
  };
}
