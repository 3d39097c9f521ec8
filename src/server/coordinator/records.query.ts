// The review inbox query: one table's records of the organisation, filtered by period, place,
// review state, author, topic and follow-up, sorted on the server (time, place name, outcome,
// volunteer name, review state) and paged with a keyset cursor over that order (keyset.ts).
import { PostgresAdapter, sql, type SqlBool, type Expression } from 'kysely';
import type { TableName } from '../../shared/records';
import { brusselsDayStart, nextDay } from '../../shared/report';
import type { RecordSort, RecordsQuery } from '../../shared/review';
import type { RecordRow } from '../db/records.repository';
import { HttpError } from '../http/errors';
import { toRecord } from '../records/format';
import { baseDb, type CoordDb } from './db';
import { collectIds, idsToName, referenceNames } from './names';
import { afterKeyset, decodeKeyset, encodeKeyset, type KeyValue } from './keyset';

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
  if (q.followUp && table !== 'help_requests') {
    throw new HttpError(400, 'invalid_filter', `followUp applies to help_requests only, not ${table}`);
  }
  if (q.sort === 'outcome' && table !== 'help_requests') {
    throw new HttpError(400, 'invalid_filter', `sort=outcome applies to help_requests only, not ${table}`);
  }
  if (q.sort === 'where' && table !== 'help_requests' && table !== 'permanences') {
    throw new HttpError(
      400,
      'invalid_filter',
      `sort=where applies to help_requests and permanences, not ${table}`,
    );
  }
  if (q.from && q.to && lowerBound(q.from) >= upperBound(q.to)) {
    throw new HttpError(400, 'invalid_filter', '`from` must not be after `to`');
  }
}

/** A condition on the record's `followUpNeeded` (missing counts as false). */
function followUp(db: CoordDb, wanted: boolean): Expression<SqlBool> {
  const yes = isPostgres(db)
    ? sql<SqlBool>`coalesce((data::jsonb) ->> 'followUpNeeded', 'false') = 'true'`
    : sql<SqlBool>`coalesce(json_extract(data, '$.followUpNeeded'), 0) = 1`;
  return wanted ? yes : sql<SqlBool>`not (${yes})`;
}

/**
 * The sort keys of an order: the sorted value (never null, so the keyset comparison holds),
 * then the time, then the id. Names sort case-insensitively; a record without one sorts first.
 */
function sortKeys(db: CoordDb, table: TableName, sort: RecordSort): Array<Expression<KeyValue>> {
  // Help requests always have `occurred_at` (occurredAt is required and checked as an instant
  // before every write), so they sort on the plain column: the index (org_id, occurred_at) then
  // gives the newest first without sorting every row of the organisation.
  const time =
    table === 'help_requests'
      ? sql<string>`${sql.ref(`${table}.${timeColumn(table)}`)}`
      : sql<string>`coalesce(${sql.ref(`${table}.${timeColumn(table)}`)}, '')`;
  const id = sql<string>`${sql.ref(`${table}.id`)}`;
  const placeName = isPostgres(db)
    ? sql<string>`(lo.data::jsonb) ->> 'name'`
    : sql<string>`json_extract(lo.data, '$.name')`;
  switch (sort) {
    case 'when':
      return [time, id];
    case 'where':
      return [
        sql<string>`coalesce((select lower(${placeName}) from locations lo where lo.org_id = ${sql.ref(`${table}.org_id`)} and lo.id = ${sql.ref(`${table}.location_id`)}), '')`,
        time,
        id,
      ];
    case 'outcome':
      return [sql<string>`coalesce(${sql.ref(`${table}.outcome`)}, '')`, time, id];
    case 'volunteer':
      return [
        sql<string>`coalesce((select lower(u.name) from users u where u.id = ${sql.ref(`${table}.created_by`)}), '')`,
        time,
        id,
      ];
    case 'state':
      return [sql<string>`${sql.ref(`${table}.review_state`)}`, time, id];
  }
}

/** One page of records (tombstones left out), with the cursor of the next page. */
export async function listRecords(db: CoordDb, orgId: string, table: TableName, q: RecordsQuery) {
  checkFilters(table, q);
  const t = timeColumn(table);
  const limit = q.limit ?? DEFAULT_LIMIT;
  const sort = q.sort ?? 'when';
  const dir = q.dir ?? (sort === 'when' ? 'desc' : 'asc');
  const keys = sortKeys(db, table, sort);
  let query = db
    .selectFrom(table as 'help_requests')
    .selectAll()
    .select(keys.map((k, i) => sql<KeyValue>`${k}`.as(`sk${i}`)))
    .where('org_id', '=', orgId)
    .where('deleted', '=', 0);
  const col = sql.ref<string>(t);
  if (q.from) query = query.where(col, '>=', lowerBound(q.from));
  if (q.to) query = query.where(col, '<', upperBound(q.to));
  if (q.locationId) query = query.where('location_id', '=', q.locationId);
  if (q.reviewState) query = query.where('review_state', '=', q.reviewState);
  if (q.createdBy) query = query.where('created_by', '=', q.createdBy);
  if (q.topic) query = query.where(hasTopic(db, q.topic));
  if (q.followUp) query = query.where(followUp(db, q.followUp === 'true'));
  if (q.cursor) {
    const values = decodeKeyset(q.cursor, keys.length);
    query = query.where((eb) => afterKeyset(eb, keys, values, dir));
  }
  for (const k of keys) query = query.orderBy(k, dir);
  const rows = (await query.limit(limit + 1).execute()) as unknown as Array<
    RecordRow & Record<string, string>
  >;
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const records = page.map(toRecord);
  const ids = idsToName();
  for (const r of records) for (const [field, value] of Object.entries(r)) collectIds(ids, field, value);
  return {
    records,
    /** Names of the users, places, partners and items the records point to. */
    names: await referenceNames(baseDb(db), orgId, ids),
    cursor: hasMore && last ? encodeKeyset(keys.map((_, i) => last[`sk${i}`] as KeyValue)) : null,
    hasMore,
  };
}
