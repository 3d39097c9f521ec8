// The review inbox query: one table's records of the organisation, newest first, filtered by
// period, place, review state, author and topic, paged with a keyset cursor.
import { PostgresAdapter, sql, type SqlBool, type Expression } from 'kysely';
import type { TableName } from '../../shared/records';
import { brusselsDayStart, nextDay } from '../../shared/report';
import type { RecordsQuery } from '../../shared/review';
import type { RecordRow } from '../db/records.repository';
import { HttpError } from '../http/errors';
import { toRecord } from '../records/format';
import type { CoordDb } from './db';

export const DEFAULT_LIMIT = 50;

/** The column a table's period filter and order use. */
export function timeColumn(table: TableName): string {
  if (table === 'help_requests') return 'occurred_at';
  if (table === 'permanences') return 'started_at';
  return 'received_at';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Lower bound (inclusive) of a period bound as a UTC ISO instant. */
export function lowerBound(b: string): string {
  return DAY.test(b) ? brusselsDayStart(b).toISOString() : new Date(b).toISOString();
}

/** Upper bound (exclusive) of a period bound: the end of a day, or just after an instant. */
export function upperBound(b: string): string {
  return DAY.test(b)
    ? brusselsDayStart(nextDay(b)).toISOString()
    : new Date(new Date(b).getTime() + 1).toISOString();
}

interface Cursor {
  t: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.t === 'string' && typeof c.id === 'string') return c;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'invalid_cursor', 'the cursor is not valid');
}

/** Whether the connection is PostgreSQL (JSON functions differ). */
export function isPostgres(db: CoordDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A condition "the record's topics contain `topic`". */
function hasTopic(db: CoordDb, topic: string): Expression<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`jsonb_exists((data::jsonb) -> 'topics', ${topic})`
    : sql<SqlBool>`exists (select 1 from json_each(data, '$.topics') where value = ${topic})`;
}

/** Refuses filters a table cannot answer. */
function checkFilters(table: TableName, q: RecordsQuery): void {
  if (q.locationId && table !== 'help_requests' && table !== 'permanences') {
    throw new HttpError(
      400,
      'invalid_filter',
      `locationId applies to help_requests and permanences, not ${table}`,
    );
  }
  if (q.topic && table !== 'help_requests') {
    throw new HttpError(400, 'invalid_filter', `topic applies to help_requests only, not ${table}`);
  }
  if (q.from && q.to && lowerBound(q.from) >= upperBound(q.to)) {
    throw new HttpError(400, 'invalid_filter', '`from` must not be after `to`');
  }
}

/** One page of records (tombstones left out), with the cursor of the next page. */
export async function listRecords(db: CoordDb, orgId: string, table: TableName, q: RecordsQuery) {
  checkFilters(table, q);
  const t = timeColumn(table);
  const limit = q.limit ?? DEFAULT_LIMIT;
  let query = db
    .selectFrom(table as 'help_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deleted', '=', 0);
  const col = sql.ref<string>(t);
  if (q.from) query = query.where(col, '>=', lowerBound(q.from));
  if (q.to) query = query.where(col, '<', upperBound(q.to));
  if (q.locationId) query = query.where('location_id', '=', q.locationId);
  if (q.reviewState) query = query.where('review_state', '=', q.reviewState);
  if (q.createdBy) query = query.where('created_by', '=', q.createdBy);
  if (q.topic) query = query.where(hasTopic(db, q.topic));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    query = query.where((eb) => eb.or([eb(col, '<', c.t), eb.and([eb(col, '=', c.t), eb('id', '<', c.id)])]));
  }
  const rows = (await query
    .orderBy(col, 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()) as unknown as Array<RecordRow & Record<string, string>>;
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    records: page.map(toRecord),
    cursor: hasMore && last ? encodeCursor({ t: String(last[t] ?? ''), id: last.id }) : null,
    hasMore,
  };
}
