// GET /sync/pull: the changes of the caller's organisation after a cursor, in commit (seq) order,
// filtered to what the caller may see (GET /sync/pull in src/server/routes/sync.doc.ts).
import { sql, type SelectQueryBuilder } from 'kysely';
import { isOpenLoan } from '../../shared/loan-rules';
import { TABLES, type LoanInput, type TableName } from '../../shared/records';
import { DEFAULT_PULL_LIMIT, type Change, type PullResponse } from '../../shared/sync-protocol';
import type { Db, DB } from '../db';
import { findDevice } from '../db/devices.repository';
import { readOrgSeq } from '../db/orgs.repository';
import type { RecordColumns } from '../db/records.table';
import { parseData, toRecord } from '../records/format';
import { checkCursor, decodeCursor, encodeCursor } from './cursor';
import type { SyncCaller } from './push';

/** How far back a volunteer's own help requests and permanences flow to their phones. */
export const VOLUNTEER_WINDOW_DAYS = 30;
/**
 * How far back other people's sessions (permanences and their members' counts) flow to a
 * volunteer's phone, so it can join one opened today and show its totals.
 */
export const SHARED_SESSION_WINDOW_HOURS = 48;

/** Fields of someone else's permanence a volunteer's phone never receives (free text). */
const OTHERS_PERMANENCE_HIDDEN = ['notes', 'difficulties', 'serviceSignals', 'equipmentUsed'];

type Row = RecordColumns & { tbl: TableName };

/** The columns every record table has, in one order (the pull's union needs the same order). */
export const COMMON_COLUMNS = [
  'org_id',
  'id',
  'version',
  'seq',
  'deleted',
  'data',
  'created_by',
  'last_device_id',
  'received_at',
  'review_state',
  'review_comment',
  'retention_stage',
] as const satisfies ReadonlyArray<keyof RecordColumns>;

/** One table's part of the union, with the volunteer filters applied. */
function tableQuery(
  db: Db,
  table: TableName,
  caller: SyncCaller,
  after: number,
  since: string,
  sharedSince: string,
) {
  let q = db
    .selectFrom(table as 'equipment')
    .select(sql.lit(table).as('tbl'))
    .select(COMMON_COLUMNS)
    .where('org_id', '=', caller.orgId)
    .where('seq', '>', after) as SelectQueryBuilder<DB, 'equipment', Row>;
  if (caller.role === 'volunteer' && table === 'help_requests') {
    q = q.where('created_by', '=', caller.userId).where(sql.ref('occurred_at'), '>=', since);
  }
  if (caller.role === 'volunteer' && (table === 'permanences' || table === 'session_members')) {
    // Their own of the last 30 days, and everyone's sessions of the last two days (to join).
    const dateColumn = sql.ref<string>(table === 'permanences' ? 'started_at' : 'joined_at');
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('created_by', '=', caller.userId), eb(dateColumn, '>=', since)]),
        eb(dateColumn, '>=', sharedSince),
      ]),
    );
  }
  return q;
}

/**
 * The change a caller receives for a row: volunteers get closed loans as tombstones, except
 * their own loans in conflict, so that their phone can tell a conflict still waiting for a
 * coordinator (a record) from one the coordinator settled (a tombstone or an open loan).
 * Volunteers get the review state and the coordinator's comment of their own records only
 * (their phone shows "has issues" with the comment); other people's records come without them.
 */
function toChange(row: Row, caller: SyncCaller): Change {
  const base = { table: row.tbl, id: row.id, version: row.version };
  if (row.deleted === 1) return { ...base, deleted: true, record: null };
  if (caller.role === 'volunteer' && row.tbl === 'loans') {
    const loan = parseData(row) as LoanInput;
    const ownConflict = loan.status === 'conflict' && row.created_by === caller.userId;
    if (!isOpenLoan(loan) && !ownConflict) return { ...base, deleted: true, record: null };
  }
  const { tbl: _tbl, ...columns } = row;
  const record = toRecord(columns);
  if (caller.role === 'volunteer' && row.created_by !== caller.userId) {
    // A coordinator's review of someone else's record is not this volunteer's business.
    delete record.reviewState;
    delete record.reviewComment;
    if (row.tbl === 'permanences') for (const f of OTHERS_PERMANENCE_HIDDEN) delete record[f];
  }
  return { ...base, deleted: false, record };
}

/** One page of changes after `cursor` (empty: from the start). */
export async function pull(
  db: Db,
  caller: SyncCaller,
  cursor: string | undefined,
  limit = DEFAULT_PULL_LIMIT,
  now = new Date(),
): Promise<PullResponse> {
  const device = await findDevice(db, caller.orgId, caller.deviceId);
  const state = await readOrgSeq(db, caller.orgId);
  if (!state) throw new Error('organisation without sequence');
  let after = 0;
  if (cursor) {
    const c = decodeCursor(cursor);
    checkCursor(c, state);
    after = c.s;
  }
  const since = new Date(now.getTime() - VOLUNTEER_WINDOW_DAYS * 86_400_000).toISOString();
  const tables = TABLES.filter((t) => caller.role !== 'volunteer' || t !== 'borrowers');
  const sharedSince = new Date(now.getTime() - SHARED_SESSION_WINDOW_HOURS * 3_600_000).toISOString();
  const [first, ...rest] = tables.map((t) => tableQuery(db, t, caller, after, since, sharedSince));
  let union = first!;
  for (const q of rest) union = union.unionAll(q);
  const rows = (await union
    .orderBy('seq')
    .limit(limit + 1)
    .execute()) as Row[];
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const lastSeen = page.at(-1)?.seq ?? after;
  const next = hasMore ? lastSeen : Math.max(lastSeen, state.last_seq);
  return {
    changes: page.map((r) => toChange(r, caller)),
    cursor: encodeCursor({ e: state.epoch, s: next }),
    hasMore,
    ...(device && { lastMutationId: device.last_mutation_id }),
  };
}
