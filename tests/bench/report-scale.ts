// The summary report over 1,000,000 help requests (BENCH_QUICK: 100,000) on SQLite and on
// PostgreSQL. The bench seeds the rows straight into the database in the shape the push path
// stores (rows.ts), over two years of weekdays in the order they happened, with the
// distributions of records.ts; then it asks GET /api/v1/reports/summary over real HTTP as a
// coordinator for the whole two years. The first call rolls up every request into the day
// counts (report-rollup.ts) and is reported on its own; the steady-state calls after it only
// read the rollup.
import { get as httpGet } from 'node:http';
import type { ReportSummary } from '../../src/shared/report-summary';
import { brusselsDay } from '../../src/shared/report';
import { startTestServer, testDatabases, type TestServer } from '../server/helpers';
import { helpRequestsInOrder } from './records';
import { seedHelpRequests } from './seed';
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

/** Seeds `n` help requests over WEEKS weeks before `end`, in the order they happened. */
async function seed(server: TestServer, dbUrl: string, n: number, end: number): Promise<void> {
  await seedHelpRequests(
    {
      db: server.db,
      dbUrl,
      orgId: server.orgId,
      userId: server.volunteer.user.id,
      deviceId: server.volunteer.deviceId,
    },
    helpRequestsInOrder(n, WEEKS, end, dbUrl.startsWith('sqlite:') ? 50_000 : 10_000),
  );
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
