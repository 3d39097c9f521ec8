// Fills a server's database straight with stored help-request rows, in the shape the push path
// writes them (rows.ts), for benchmarks that need a large table before they measure: SQLite
// through better-sqlite3 in one transaction per chunk, PostgreSQL with one INSERT ... SELECT
// FROM unnest(arrays) per chunk in one transaction. Moves the org's seq counter past them.
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { HelpRequestInput } from '../../src/shared/records';
import type { DB } from '../../src/server/db';
import { HELP_COLUMNS, helpRow, type HelpRow } from './rows';

export interface SeedTarget {
  db: Kysely<DB>;
  dbUrl: string;
  orgId: string;
  userId: string;
  deviceId: string;
}

/** Inserts every chunk of `chunks` as stored rows of `target`'s organisation. */
export async function seedHelpRequests(
  target: SeedTarget,
  chunks: Iterable<HelpRequestInput[]>,
): Promise<void> {
  const at = { orgId: target.orgId, userId: target.userId, deviceId: target.deviceId };
  const last = await target.db
    .selectFrom('org_seq')
    .select('last_seq')
    .where('org_id', '=', target.orgId)
    .executeTakeFirstOrThrow();
  let seq = Number(last.last_seq);
  const rowsOf = (chunk: HelpRequestInput[]) => chunk.map((r) => helpRow(r, { ...at, seq: ++seq }));

  if (target.dbUrl.startsWith('sqlite:')) {
    const sqlite = new Database(target.dbUrl.slice('sqlite:'.length));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    const insert = sqlite.prepare(
      `INSERT INTO help_requests (${HELP_COLUMNS.join(', ')}) VALUES (${HELP_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    const insertAll = sqlite.transaction((rows: HelpRow[]) => {
      for (const row of rows) insert.run(row);
    });
    for (const chunk of chunks) insertAll(rowsOf(chunk));
    sqlite.prepare('UPDATE org_seq SET last_seq = ? WHERE org_id = ?').run(seq, target.orgId);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.dbUrl });
  await client.connect();
  try {
    const ints = new Set(['version', 'seq', 'deleted', 'retention_stage']);
    const casts = HELP_COLUMNS.map((c, i) => `$${i + 1}::${ints.has(c) ? 'int' : 'text'}[]`);
    const statement = `INSERT INTO help_requests (${HELP_COLUMNS.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
    await client.query('BEGIN');
    for (const chunk of chunks) {
      const rows = rowsOf(chunk);
      await client.query(
        statement,
        HELP_COLUMNS.map((c) => rows.map((r) => r[c])),
      );
    }
    await client.query('UPDATE org_seq SET last_seq = $1 WHERE org_id = $2', [seq, target.orgId]);
    await client.query('COMMIT');
    await client.query('ANALYZE help_requests');
  } finally {
    await client.end();
  }
}
