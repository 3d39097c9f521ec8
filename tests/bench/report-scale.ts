// The summary report over 1,000,000 help requests (BENCH_QUICK: 100,000) on SQLite and on
// PostgreSQL. The bench seeds the rows straight into the database in the shape the push path
// stores (rows.ts), over two years of weekdays in the order they happened, with the
// distributions of records.ts; then it asks GET /api/v1/reports/summary over real HTTP as a
// coordinator for the whole two years. The first call rolls up every request into the day
// counts (report-rollup.ts) and is reported on its own; the steady-state calls after it only
// read the rollup.
import { get as httpGet } from 'node:http';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ReportSummary } from '../../src/shared/report';
import { brusselsDay } from '../../src/shared/report';
import { startTestServer, testDatabases, type TestServer } from '../server/helpers';
import { helpRequestsInOrder } from './records';
import { HELP_COLUMNS, helpRow, type HelpRow } from './rows';
import {
  repeat,
  runParts,
  since,
  summarise,
  type Benchmark,
  type BenchContext,
  type BenchRow,
} from './table';

const WEEKS = 104;

/** Seeds `n` help requests into the server's database; returns the last seq used. */
async function seed(server: TestServer, dbUrl: string, n: number, end: number): Promise<void> {
  const at = {
    orgId: server.orgId,
    userId: server.volunteer.user.id,
    deviceId: server.volunteer.deviceId,
  };
  const last = await server.db
    .selectFrom('org_seq')
    .select('last_seq')
    .where('org_id', '=', server.orgId)
    .executeTakeFirstOrThrow();
  let seq = Number(last.last_seq);
  const rowsOf = (chunk: ReturnType<typeof helpRequestsInOrder> extends Generator<infer C> ? C : never) =>
    chunk.map((r) => helpRow(r, { ...at, seq: ++seq }));

  if (dbUrl.startsWith('sqlite:')) {
    const sqlite = new Database(dbUrl.slice('sqlite:'.length));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    const insert = sqlite.prepare(
      `INSERT INTO help_requests (${HELP_COLUMNS.join(', ')}) VALUES (${HELP_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    const insertAll = sqlite.transaction((rows: HelpRow[]) => {
      for (const row of rows) insert.run(row);
    });
    for (const chunk of helpRequestsInOrder(n, WEEKS, end, 50_000)) insertAll(rowsOf(chunk));
    sqlite.prepare('UPDATE org_seq SET last_seq = ? WHERE org_id = ?').run(seq, server.orgId);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    return;
  }
  // PostgreSQL: one multi-row INSERT ... SELECT FROM unnest(arrays) per 10,000 rows, all in one
  // transaction.
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const ints = new Set(['version', 'seq', 'deleted', 'retention_stage']);
    const casts = HELP_COLUMNS.map((c, i) => `$${i + 1}::${ints.has(c) ? 'int' : 'text'}[]`);
    const statement = `INSERT INTO help_requests (${HELP_COLUMNS.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
    await client.query('BEGIN');
    for (const chunk of helpRequestsInOrder(n, WEEKS, end, 10_000)) {
      const rows = rowsOf(chunk);
      await client.query(
        statement,
        HELP_COLUMNS.map((c) => rows.map((r) => r[c])),
      );
    }
    await client.query('UPDATE org_seq SET last_seq = $1 WHERE org_id = $2', [seq, server.orgId]);
    await client.query('COMMIT');
    await client.query('ANALYZE help_requests');
  } finally {
    await client.end();
  }
}

/**
 * GET /reports/summary over node:http without a timeout: the first call rolls up every request
 * and may take longer than fetch's 300 s header timeout.
 */
function report(server: TestServer, from: string, to: string): Promise<ReportSummary> {
  const url = `${server.url}/api/v1/reports/summary?from=${from}&to=${to}`;
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { headers: { authorization: `Bearer ${server.coordinator.token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(JSON.parse(body) as ReportSummary)
          : reject(new Error(`report: ${res.statusCode} ${body}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function onDatabase(
  ctx: BenchContext,
  name: 'sqlite' | 'postgres',
  dbUrl: string,
): Promise<BenchRow[]> {
  const n = ctx.quick ? 100_000 : 1_000_000;
  const label = n.toLocaleString('en');
  const server = await startTestServer({ dbUrl });
  try {
    const end = Date.now() - 86_400_000;
    let t = performance.now();
    await seed(server, dbUrl, n, end);
    const seedMs = since(t);
    ctx.log(`report ${name}: seeded ${label} in ${(seedMs / 1000).toFixed(1)} s`);
    const from = brusselsDay(new Date(end - (WEEKS + 1) * 7 * 86_400_000));
    const to = brusselsDay(new Date(end + 86_400_000));

    t = performance.now();
    const first = await report(server, from, to);
    const firstMs = since(t);
    if (first.total !== n) throw new Error(`report counted ${first.total} help requests, expected ${n}`);
    ctx.log(`report ${name}: first call (with rollup) ${(firstMs / 1000).toFixed(1)} s`);
    const steady = await repeat(ctx.quick ? 3 : 7, async () => {
      const s = performance.now();
      const r = await report(server, from, to);
      if (r.total !== n) throw new Error(`report counted ${r.total}`);
      return since(s);
    });
    const group = `report ${name}`;
    return [
      summarise(group, `seed ${label} help requests directly (bench setup)`, 's', [seedMs / 1000]),
      summarise(group, `summary ${label}, first call incl. rollup`, 'ms', [firstMs]),
      summarise(group, `summary ${label} (2 years), steady state`, 'ms', steady, {
        budget: { value: 300, better: 'lower' },
        note: `${name}: period ${from}..${to}, ${label} help requests counted`,
      }),
    ];
  } finally {
    await server.close();
  }
}

export const reportScale: Benchmark = {
  name: 'report',
  async run(ctx) {
    return runParts(testDatabases().map((db) => () => onDatabase(ctx, db.name, db.url)));
  },
};
