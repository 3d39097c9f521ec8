// `npm run bench` (= `vite build && tsx tests/bench/run.ts`): runs every benchmark, prints one
// table (figure, median, min, max, runs, budget met?) and writes tests/bench/results/latest.json
// with the machine it ran on. Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH) and the
// PostgreSQL of the tests (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
//
// Environment:
//   BENCH_ONLY=name,name   run only these benchmarks (names in BENCHMARKS below, e.g.
//                          BENCH_ONLY=server,report); ratio rows appear when both sides ran.
//   BENCH_QUICK=1          smaller counts and fewer repetitions (a quick look, not for the
//                          README): 100,000 instead of 1,000,000 help requests for the report,
//                          2 repetitions instead of 5, 20 saves instead of 50.
//   BENCH_OUT=path         write the JSON elsewhere (default tests/bench/results/latest.json).
//   BENCH_DB=sqlite|postgres  the server benchmark on one database only.
//   BENCH_PUSH_BATCH=n     the server benchmark's 1-device batch size (default
//                          MAX_MUTATIONS_PER_PUSH).
//   BENCH_CPU_PROF=dir     the server benchmark's server process writes a V8 CPU profile there.
// A full run takes about 10 to 15 minutes on a 2-core machine, most of it seeding and rolling
// up the million help requests on both databases.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumSync } from './chromium-sync';
import { firstLoad } from './first-load';
import { localStore } from './local-store';
import { offlineStart } from './offline-start';
import { pouchPeer } from './pouchdb-peer';
import { rawLimit } from './raw-limit';
import { reportScale } from './report-scale';
import { serverPush } from './server-push';
import { PartialFailure, printTable, type BenchContext, type Benchmark, type BenchRow } from './table';

/**
 * The benchmark modules, in run order.
 */
export const BENCHMARKS: Benchmark[] = [
  firstLoad,
  offlineStart,
  localStore,
  rawLimit,
  chromiumSync,
  pouchPeer,
  serverPush,
  reportScale,
];

/** Ratio rows between benchmarks that ran in this run: [figure, numerator key, denominator key]. */
const RATIOS: Array<[string, string, string, string]> = [
  ['pipeline', 'ours / PouchDB, push 10,000 (time)', 'sync-push-loopback', 'pouch-push'],
  ['pipeline', 'ours / PouchDB, pull 10,000 (time)', 'sync-pull-loopback', 'pouch-pull'],
  ['pipeline', 'local store / raw IndexedDB, 10,000 writes (time)', 'local-10k', 'raw-idb'],
  ['pipeline', 'server push / raw SQLite, 10,000 rows (time)', 'push-1-sqlite-ms', 'raw-sqlite'],
];

function ratioRows(rows: BenchRow[]): BenchRow[] {
  const byKey = new Map(rows.filter((r) => r.key).map((r) => [r.key!, r]));
  // Push throughput is in records/s: its time for 10,000 records, for the ratio to raw SQLite.
  const push = byKey.get('push-1-sqlite');
  if (push) byKey.set('push-1-sqlite-ms', { ...push, median: 10_000_000 / push.median });
  const out: BenchRow[] = [];
  for (const [group, figure, a, b] of RATIOS) {
    const num = byKey.get(a);
    const den = byKey.get(b);
    if (!num || !den) continue;
    const ratio = num.median / den.median;
    out.push({
      group,
      figure,
      unit: 'x',
      median: ratio,
      min: ratio,
      max: ratio,
      runs: 1,
      note: `ratio of medians: ${num.median.toFixed(1)} / ${den.median.toFixed(1)} ${den.unit}`,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) {
    throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name)}`);
  }
  const ctx: BenchContext = {
    quick: process.env.BENCH_QUICK === '1',
    log: (m) => process.stderr.write(`[bench] ${m}\n`),
  };
  const started = Date.now();
  // The machine may be shared: its load average (1, 5, 15 min) before and after goes in the JSON.
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
  const rows: BenchRow[] = [];
  const failures: Array<{ name: string; error: string }> = [];
  for (const bench of BENCHMARKS) {
    if (only.length && !only.includes(bench.name)) continue;
    const t = Date.now();
    ctx.log(`${bench.name}: starting`);
    try {
      rows.push(...(await bench.run(ctx)));
      ctx.log(`${bench.name}: done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    } catch (err) {
      if (err instanceof PartialFailure) rows.push(...err.rows);
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      failures.push({ name: bench.name, error });
      ctx.log(`${bench.name}: FAILED\n${error}`);
    }
  }
  rows.push(...ratioRows(rows));
  console.log();
  printTable(rows);
  for (const r of rows.filter((r) => r.note)) console.log(`  ${r.figure}: ${r.note}`);
  const out = process.env.BENCH_OUT ?? fileURLToPath(new URL('./results/latest.json', import.meta.url));
  mkdirSync(dirname(out), { recursive: true });
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadBefore,
    loadAfter: loadavg().map((l) => Number(l.toFixed(2))),
  };
  const result = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    quick: ctx.quick,
    only: only.length ? only : undefined,
    machine,
    rows,
    failures,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${out} (${result.durationSeconds} s)`);
  if (failures.length) {
    console.log(`FAILED: ${failures.map((f) => f.name).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
