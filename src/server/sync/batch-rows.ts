// The record rows one push batch touches, read in one query per table and chunk instead of one
// SELECT per mutation, with new rows inserted at the end of the batch (insertRows below).
// Loans and equipment stay on the direct path: the loan rule and the equipment status read
// those tables by other keys (open loans of an item), so their rows are never cached or delayed.
import { CompiledQuery, PostgresAdapter, type Transaction } from 'kysely';
import type { TableName } from '../../shared/records';
import type { Mutation } from '../../shared/sync-protocol';
import type { DB } from '../db';
import type { RecordColumns } from '../db/records.table';
import { findRecord, saveRecord, type RecordRow } from '../db/records.repository';

// Borrowers too: a new borrower's code must be visible to the uniqueness check of the next one
// in the same batch (src/server/db/borrower-codes.ts); only coordinators write them, rarely.
// Session members too: a permanence written in the batch reads them (src/server/sync/sessions.ts).
const DIRECT = new Set<TableName>(['loans', 'equipment', 'borrowers', 'session_members']);
/** Ids per prefetch query and rows per INSERT (bound-parameter limits of both databases). */
const READ_CHUNK = 400;
const INSERT_CHUNK = 250;
/** Rows per SQLite INSERT: 500 x 17 columns stays under SQLite's 32,766 bound parameters. */
const SQLITE_INSERT_CHUNK = 500;

interface Entry {
  row: RecordRow | undefined;
  /** Not yet in the database: inserted by flush(). */
  pending: boolean;
}

export class BatchRows {
  private readonly rows = new Map<string, Entry>();
  private readonly pending = new Map<TableName, Map<string, RecordRow>>();

  constructor(
    private readonly trx: Transaction<DB>,
    private readonly orgId: string,
  ) {}

  private static key(table: TableName, id: string): string {
    return `${table}\u0000${id}`;
  }

  /** Reads the current rows of the mutations' records, one query per table and chunk. */
  async prefetch(mutations: readonly Mutation[]): Promise<void> {
    const ids = new Map<TableName, Set<string>>();
    for (const m of mutations) {
      if (DIRECT.has(m.table)) continue;
      let set = ids.get(m.table);
      if (!set) ids.set(m.table, (set = new Set()));
      set.add(m.id);
    }
    for (const [table, set] of ids) {
      const all = [...set];
      for (let i = 0; i < all.length; i += READ_CHUNK) {
        const part = all.slice(i, i + READ_CHUNK);
        const found = await this.trx
          .selectFrom(table as 'equipment')
          .selectAll()
          .where('org_id', '=', this.orgId)
          .where('id', 'in', part)
          .execute();
        const byId = new Map(found.map((r) => [r.id, r as RecordRow]));
        for (const id of part) this.rows.set(BatchRows.key(table, id), { row: byId.get(id), pending: false });
      }
    }
  }

  /** The current row of a record (tombstones included), or undefined. */
  async find(table: TableName, id: string): Promise<RecordRow | undefined> {
    if (DIRECT.has(table)) return findRecord(this.trx, table, this.orgId, id);
    const entry = this.rows.get(BatchRows.key(table, id));
    if (entry) return entry.row;
    const row = await findRecord(this.trx, table, this.orgId, id);
    this.rows.set(BatchRows.key(table, id), { row, pending: false });
    return row;
  }

  /** Stores a new version of a row: new rows wait for flush(), updates are written at once. */
  async save(table: TableName, row: RecordRow, exists: boolean): Promise<void> {
    if (DIRECT.has(table)) return saveRecord(this.trx, table, row, exists);
    const key = BatchRows.key(table, row.id);
    const entry = this.rows.get(key);
    if (!exists || entry?.pending) {
      let rows = this.pending.get(table);
      if (!rows) this.pending.set(table, (rows = new Map()));
      rows.set(row.id, row);
      this.rows.set(key, { row, pending: true });
      return;
    }
    await saveRecord(this.trx, table, row, true);
    this.rows.set(key, { row, pending: false });
  }

  /** Inserts the new rows: one INSERT ... SELECT FROM unnest per table on PostgreSQL, multi-row INSERTs on SQLite. */
  async flush(): Promise<void> {
    for (const [table, rows] of this.pending) {
      const all = [...rows.values()];
      await insertRows(this.trx, table, all);
      for (const row of all) this.rows.set(BatchRows.key(table, row.id), { row, pending: false });
    }
    this.pending.clear();
  }
}

/** Integer columns of the record tables (the rest are text). */
const INT_COLUMNS = new Set(['version', 'seq', 'deleted', 'retention_stage', 'open']);

/**
 * Inserts `rows` (all built by apply.ts `write`, so with the same columns in the same order) as
 * SQL written here rather than through Kysely's builder, whose parse and compile of a 250-row
 * INSERT cost more than the insert (issue 12). The text depends only on the table and the chunk
 * size, so SQLite reuses the prepared statement (db/index.ts). PostgreSQL gets one statement per
 * table with an array per column, whatever the number of rows.
 */
async function insertRows(trx: Transaction<DB>, table: TableName, rows: RecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  if (rows.some((r) => Object.keys(r).length !== columns.length)) {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto(table as 'equipment')
        .values(rows.slice(i, i + INSERT_CHUNK) as RecordColumns[])
        .execute();
    }
    return;
  }
  const names = columns.map((c) => `"${c}"`).join(', ');
  const valuesOf = (r: RecordRow) => columns.map((c) => (r as unknown as Record<string, unknown>)[c] ?? null);
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    const arrays = columns.map((c, i) => `$${i + 1}::${INT_COLUMNS.has(c) ? 'int' : 'text'}[]`);
    const params = columns.map((c) => rows.map((r) => (r as unknown as Record<string, unknown>)[c] ?? null));
    await trx.executeQuery(
      CompiledQuery.raw(
        `insert into "${table}" (${names}) select * from unnest(${arrays.join(', ')})`,
        params,
      ),
    );
    return;
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += SQLITE_INSERT_CHUNK) {
    const part = rows.slice(i, i + SQLITE_INSERT_CHUNK);
    await trx.executeQuery(
      CompiledQuery.raw(
        `insert into "${table}" (${names}) values ${Array.from(part, () => tuple).join(', ')}`,
        part.flatMap(valuesOf),
      ),
    );
  }
}
