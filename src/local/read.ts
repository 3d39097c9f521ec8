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
  LocalSessionMember,
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

/** Whose records this phone holds (the last signed-in user), or undefined before any sign-in. */
async function ownerId(db: DigitafelDb): Promise<string | undefined> {
  return (await getMeta(db, 'owner'))?.userId ?? (await getMeta(db, 'session'))?.user.id;
}

/**
 * Whether a record is this phone's user's: written here (no author until the server's copy
 * comes back) or by them. Other people's sessions reach the phone too, to be joined.
 */
const isMine = (row: { createdBy?: string | null }, owner: string | undefined) =>
  !row.createdBy || row.createdBy === owner;

/** The session the phone counts in: its own permanence, or one it joined on another phone. */
export interface CurrentSession {
  permanenceId: string;
  /** The permanence (absent while a session joined by its QR code has not been pulled yet). */
  permanence: LocalPermanence | undefined;
  /** This phone's record in a session it joined; undefined in its own. */
  member: LocalSessionMember | undefined;
  /** Every member's record of the session (this phone's included). */
  members: LocalSessionMember[];
}

/** A session some member ended (the server closes the permanence once it hears of it). */
function endedByMember(members: LocalSessionMember[]): boolean {
  return members.some((m) => !m.deleted && !!m.endedAt);
}

async function membersOf(db: DigitafelDb, permanenceId: string): Promise<LocalSessionMember[]> {
  const rows = await db.session_members.where('permanenceId').equals(permanenceId).toArray();
  return rows.filter((m) => !m.deleted);
}

/** The open session this phone counts in (its own most recent, else one it joined), or undefined. */
export async function getCurrentSession(db: DigitafelDb = getDb()): Promise<CurrentSession | undefined> {
  const owner = await ownerId(db);
  const rows = await db.permanences.orderBy('startedAt').reverse().toArray();
  for (const p of rows) {
    if (p.deleted || p.endedAt || !isMine(p, owner)) continue;
    const members = await membersOf(db, p.id);
    if (endedByMember(members)) continue;
    const [permanence] = await withSyncState('permanences', [p], db);
    return { permanenceId: p.id, permanence, member: undefined, members };
  }
  const joined = (await db.session_members.toArray())
    .filter((m) => !m.deleted && !m.endedAt && isMine(m, owner))
    .sort((a, b) => b.joinedAt.localeCompare(a.joinedAt));
  for (const m of joined) {
    const p = await db.permanences.get(m.permanenceId);
    if (p && (p.deleted || p.endedAt)) continue;
    const members = await membersOf(db, m.permanenceId);
    if (endedByMember(members)) continue;
    const permanence = p && (await withSyncState('permanences', [p], db))[0];
    return { permanenceId: m.permanenceId, permanence, member: m, members };
  }
  return undefined;
}

/** The permanence of the session this phone counts in (see getCurrentSession), if it has it. */
export async function getOpenPermanence(): Promise<LocalPermanence | undefined> {
  return (await getCurrentSession())?.permanence;
}

/**
 * Other people's open sessions started today (Brussels day `today`) that this phone may join,
 * newest first: the ones the server sent it (src/server/sync/pull.ts, two days back).
 */
export async function listJoinableSessions(today: string, dayOf: (iso: string) => string) {
  const db = getDb();
  const owner = await ownerId(db);
  const rows = await db.permanences.orderBy('startedAt').reverse().toArray();
  const open: LocalPermanence[] = [];
  for (const p of rows) {
    if (p.deleted || p.endedAt || isMine(p, owner) || dayOf(p.startedAt) !== today) continue;
    if (endedByMember(await membersOf(db, p.id))) continue;
    open.push(p);
  }
  return open;
}

/** One member record of a shared session, unless deleted. */
export async function getSessionMember(id: string): Promise<LocalSessionMember | undefined> {
  return one('session_members', await getDb().session_members.get(id));
}

/** One permanence, unless deleted. */
export async function getPermanence(id: string): Promise<LocalPermanence | undefined> {
  return one('permanences', await getDb().permanences.get(id));
}

/** The latest permanences of this phone's user (not the sessions of others it may join), newest first. */
export async function listRecentPermanences(limit = 20): Promise<LocalPermanence[]> {
  const owner = await ownerId(getDb());
  const rows = await getDb()
    .permanences.orderBy('startedAt')
    .reverse()
    .filter((p) => !p.deleted && isMine(p, owner))
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
