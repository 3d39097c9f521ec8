// `npx tsx tests/bench/query-plans.ts [sqlite|postgres]`: the query plans of the coordinator's
// queries that filter or sort help requests by `occurred_at` (review inbox list, exports,
// retention status and run, a volunteer's pull), on a database holding 100,000 help requests
// of one volunteer over a year (seeded as in the push bench). Prints each query's SQL and its
// plan (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN), to show which indexes they use, and the
// median time of each call (5 runs, after one warm-up).
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Db } from '../../src/server/db';
import type { CoordDB } from '../../src/server/coordinator/db';
import { listRecords } from '../../src/server/coordinator/records.query';
import { exportCsv } from '../../src/server/coordinator/export';
import { retentionStatus } from '../../src/server/coordinator/data-protection';
import { pull } from '../../src/server/sync/pull';
import { sqlitePath } from '../../src/server/config';
import { startTestServer, testDatabases } from '../server/helpers';
import { helpRequestsInOrder } from './records';
import { seedHelpRequests } from './seed';

const only = process.argv[2];
const STORED = 100_000;

for (const target of testDatabases().filter((d) => !only || d.name === only)) {
  const server = await startTestServer({ dbUrl: target.url });
  const end = Date.now() - 86_400_000;
  await seedHelpRequests(
    {
      db: server.db,
      dbUrl: target.url,
      orgId: server.orgId,
      userId: server.volunteer.user.id,
      deviceId: server.volunteer.deviceId,
    },
    helpRequestsInOrder(STORED, 52, end, 10_000, 3),
  );
  const captured: CompiledQuery[] = [];
  const file = sqlitePath(target.url);
  const sqlite = file === undefined ? undefined : new Database(file);
  const pool = file === undefined ? new pg.Pool({ connectionString: target.url, max: 2 }) : undefined;
  if (sqlite) sqlite.exec('ANALYZE');
  else await pool!.query('ANALYZE help_requests');
  const db = new Kysely<CoordDB>({
    dialect: sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }),
    log: (e) => {
      if (e.level === 'query') captured.push(e.query);
    },
  });
  const month = new Date(end - 20 * 86_400_000).toISOString().slice(0, 10);
  const monthEnd = new Date(end - 10 * 86_400_000).toISOString().slice(0, 10);
  const vol = server.volunteer.user.id;
  const loc = '0190a000-0000-7000-8000-000000000001';
  const cases: Array<[string, () => Promise<unknown>]> = [
    [
      'inbox default (state new, newest first)',
      () => listRecords(db, server.orgId, 'help_requests', { reviewState: 'new' }),
    ],
    ['inbox, no filter, newest first', () => listRecords(db, server.orgId, 'help_requests', {})],
    [
      'inbox, a period of 10 days',
      () => listRecords(db, server.orgId, 'help_requests', { from: month, to: monthEnd }),
    ],
    [
      'inbox, state new + period',
      () => listRecords(db, server.orgId, 'help_requests', { reviewState: 'new', from: month, to: monthEnd }),
    ],
    [
      'inbox, one place + period',
      () => listRecords(db, server.orgId, 'help_requests', { locationId: loc, from: month, to: monthEnd }),
    ],
    ['inbox, one place', () => listRecords(db, server.orgId, 'help_requests', { locationId: loc })],
    ['inbox, one volunteer', () => listRecords(db, server.orgId, 'help_requests', { createdBy: vol })],
    [
      'inbox, one volunteer + period',
      () => listRecords(db, server.orgId, 'help_requests', { createdBy: vol, from: month, to: monthEnd }),
    ],
    [
      'export, a period of 10 days',
      () => exportCsv(db, server.orgId, 'help_requests', { from: month, to: monthEnd }),
    ],
    ['retention status (counts)', () => retentionStatus(db, server.orgId)],
    [
      'volunteer pull',
      () =>
        pull(
          db as unknown as Db,
          { orgId: server.orgId, userId: vol, role: 'volunteer', deviceId: server.volunteer.deviceId },
          undefined,
          500,
        ),
    ],
  ];
  console.log(`\n######## ${target.name}`);
  for (const [name, run] of cases) {
    captured.length = 0;
    await run();
    const queries = [...captured];
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`\n##### ${name}: median ${times[2]!.toFixed(1)} ms (5 runs)`);
    captured.length = 0;
    captured.push(...queries);
    for (const q of captured.filter((c) => /help_requests/.test(c.sql) && /occurred_at/.test(c.sql))) {
      console.log(`\n=== ${name}\n${q.sql}`);
      if (sqlite) {
        const rows = sqlite
          .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
          .all(...(q.parameters as unknown[])) as Array<{ detail: string }>;
        for (const r of rows) console.log(`  ${r.detail}`);
      } else {
        const res = await pool!.query(`EXPLAIN ${q.sql}`, q.parameters as unknown[]);
        for (const r of res.rows as Array<Record<string, string>>) console.log(`  ${r['QUERY PLAN']}`);
      }
    }
  }
  await db.destroy();
  await server.close();
}
