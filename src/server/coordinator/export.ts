// CSV export of one table for a period: server columns first, then the table's fields in the
// order of its schema in src/shared/records.ts. Tombstones are left out.
import { sql } from 'kysely';
import { inputSchemas, type TableName } from '../../shared/records';
import { toRecord } from '../records/format';
import { toCsv } from './csv';
import type { CoordDb } from './db';
import { lowerBound, timeColumn, upperBound } from './records.query';

const SERVER_COLUMNS = ['id', 'version', 'receivedAt', 'createdBy', 'reviewState', 'reviewComment'] as const;

/** The header row of a table's export. */
export function exportColumns(table: TableName): string[] {
  const fields = Object.keys(inputSchemas[table].shape).filter((k) => k !== 'id');
  return [...SERVER_COLUMNS, ...fields];
}

/** The CSV text of a table's live records in the period (either bound may be absent). */
export async function exportCsv(
  db: CoordDb,
  orgId: string,
  table: TableName,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<string> {
  const col = sql.ref<string>(timeColumn(table));
  let q = db
    .selectFrom(table as 'equipment')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deleted', '=', 0);
  if (period.from) q = q.where(col, '>=', lowerBound(period.from));
  if (period.to) q = q.where(col, '<', upperBound(period.to));
  const rows = await q.orderBy(col).orderBy('id').execute();
  const header = exportColumns(table);
  return toCsv(
    header,
    rows.map((row) => {
      const r = toRecord(row);
      return header.map((h) => r[h]);
    }),
  );
}
