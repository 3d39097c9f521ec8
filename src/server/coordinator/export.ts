// Exports of one table for a period, tombstones left out, oldest first:
// - readable (default): the columns of export-columns.ts in the coordinator's language, as CSV
//   (UTF-8 with BOM, `;`) or XLSX (typed cells, xlsx.ts);
// - raw: server columns first, then the table's fields in the order of its schema in
//   src/shared/records.ts, with keys, ids and ISO instants, for joining tables.
import { sql } from 'kysely';
import { en as appEn } from '../../shared/i18n/en';
import { fr as appFr } from '../../shared/i18n/fr';
import type { Lang } from '../../shared/i18n/format';
import { nl as appNl } from '../../shared/i18n/nl';
import { inputSchemas, type TableName } from '../../shared/records';
import { toRecord } from '../records/format';
import { csvDocument, toCsv } from './csv';
import { cellText, wordsOf, type Cell } from './export-cells';
import { READABLE_COLUMNS, type Column, type ExportContext, type Names } from './export-columns';
import type { CoordDb } from './db';
import { lowerBound, timeColumn, upperBound } from './records.query';

type Data = Record<string, unknown>;
type Period = { from?: string | undefined; to?: string | undefined };

const SERVER_COLUMNS = ['id', 'version', 'receivedAt', 'createdBy', 'reviewState', 'reviewComment'] as const;
const APP = { nl: appNl, fr: appFr, en: appEn } as const;

/** The header row of a table's raw export. */
export function exportColumns(table: TableName): string[] {
  const fields = Object.keys(inputSchemas[table].shape).filter((k) => k !== 'id');
  return [...SERVER_COLUMNS, ...fields];
}

/** The table's live records in the period (either bound may be absent), oldest first. */
async function exportRecords(db: CoordDb, orgId: string, table: TableName, period: Period): Promise<Data[]> {
  const col = sql.ref<string>(timeColumn(table));
  let q = db
    .selectFrom(table as 'equipment')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deleted', '=', 0);
  if (period.from) q = q.where(col, '>=', lowerBound(period.from));
  if (period.to) q = q.where(col, '<', upperBound(period.to));
  const rows = await q.orderBy(col).orderBy('id').execute();
  return rows.map(toRecord);
}

/** The raw CSV text of a table's live records in the period. */
export async function exportCsv(
  db: CoordDb,
  orgId: string,
  table: TableName,
  period: Period,
): Promise<string> {
  const header = exportColumns(table);
  const records = await exportRecords(db, orgId, table, period);
  return toCsv(
    header,
    records.map((r) => header.map((h) => r[h])),
  );
}

/** id -> a field of every record of a reference table of the organisation (deleted ones too). */
async function namesOf(db: CoordDb, orgId: string, table: 'locations' | 'partners' | 'equipment' | 'topics') {
  const rows = await db.selectFrom(table).select(['id', 'data']).where('org_id', '=', orgId).execute();
  return rows.map((r) => ({ id: r.id, data: JSON.parse(r.data) as Data }));
}

/** The names an export shows instead of ids, in `lang` (reference tables are small). */
async function loadNames(db: CoordDb, orgId: string, lang: Lang): Promise<Names> {
  const [places, partners, items, topics, users] = await Promise.all([
    namesOf(db, orgId, 'locations'),
    namesOf(db, orgId, 'partners'),
    namesOf(db, orgId, 'equipment'),
    namesOf(db, orgId, 'topics'),
    db.selectFrom('users').select(['id', 'name']).where('org_id', '=', orgId).execute(),
  ]);
  const by = (rows: Array<{ id: string; data: Data }>, field: string) =>
    new Map(rows.map((r) => [r.id, typeof r.data[field] === 'string' ? (r.data[field] as string) : null]));
  const placeNames = by(places, 'name');
  const partnerNames = by(partners, 'name');
  const tags = by(items, 'assetTag');
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  const own = new Map(
    topics.map((t) => [String(t.data.key), (t.data.labels ?? {}) as Partial<Record<Lang, string>>]),
  );
  const app = APP[lang] as Record<string, string>;
  const lookup = (m: Map<string, string | null>, id: unknown) =>
    typeof id === 'string' ? (m.get(id) ?? null) : null;
  return {
    place: (id) => lookup(placeNames, id),
    partner: (id) => lookup(partnerNames, id),
    tag: (id) => lookup(tags, id),
    user: (id) => (typeof id === 'string' ? (userNames.get(id) ?? null) : null),
    topic: (key) => {
      if (typeof key !== 'string') return null;
      const names = own.get(key);
      return app[`topic.${key}`] ?? (names?.[lang] || names?.en || names?.nl || names?.fr || key);
    },
  };
}

/** A readable export as header words and rows of typed cells. */
export interface ReadableTable {
  columns: Column[];
  header: string[];
  rows: Cell[][];
}

/** The readable export of a table's live records in the period, in `lang`. */
export async function readableTable(
  db: CoordDb,
  orgId: string,
  table: TableName,
  period: Period,
  lang: Lang,
): Promise<ReadableTable> {
  const [records, names] = await Promise.all([
    exportRecords(db, orgId, table, period),
    loadNames(db, orgId, lang),
  ]);
  const ctx: ExportContext = { words: wordsOf(lang), names };
  const columns = READABLE_COLUMNS[table];
  return {
    columns,
    header: columns.map((c) => ctx.words.col(c.header)),
    rows: records.map((r) => columns.map((c) => c.cell(r, ctx))),
  };
}

/** A readable table as CSV text (days ISO, times HH:MM, decimals with the language's mark). */
export function readableCsv(t: ReadableTable, lang: Lang): string {
  return csvDocument(
    t.header,
    t.rows.map((row) => row.map((cell) => cellText(cell, lang))),
  );
}
