// Server push and pull throughput over real HTTP (undici fetch, keep-alive) against the server
// in its own process (server-child.ts), on SQLite and on PostgreSQL, with STORED help requests
// already in the table (seeded straight into the database, in time order over the year before):
// - push, time-ordered: 10,000 help requests from 1 device in sequential batches of
//   MAX_MUTATIONS_PER_PUSH, occurring one after the other after everything stored (phones that
//   sync soon after the visit: the field case);
// - push, backfill: 10,000 from 1 device whose dates are scattered over the stored year (a phone
//   back after months, or paper records typed in late);
// - push, 20 devices: 10,000 time-ordered help requests IN TOTAL, 500 per device, all 20
//   devices pushing at once;
// - pull: a coordinator pages through the first 10,000 changes (limit 1000 per page).
// Each repetition adds its records to the same database (the table grows by 30,000 per
// repetition; the row count at the start is in the JSON). Records/s and the server process's
// peak RSS during the pushes.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Session } from '../../src/shared/api';
import {
  MAX_MUTATIONS_PER_PUSH,
  SCHEMA_VERSION,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync-protocol';
import { testDatabases } from '../server/helpers';
import { helpRequests, helpRequestsAfter, upserts } from './records';
import type { HelpRequestInput } from '../../src/shared/records';
import { runParts, since, summarise, type Benchmark, type BenchContext, type BenchRow } from './table';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOTAL = 10_000;
const BATCH = Number(process.env.BENCH_PUSH_BATCH || MAX_MUTATIONS_PER_PUSH);
const DEVICES = 20;
const STORED = 100_000;
const DAY = 86_400_000;

interface Device {
  token: string;
  deviceId: string;
  next: number;
}

/** The server child process: its URL and sessions, memory probes, and close. */
async function startServerProcess(dbUrl: string, devices: number, stored: number) {
  // BENCH_CPU_PROF=dir: the server process writes a V8 CPU profile there when it closes.
  const prof = process.env.BENCH_CPU_PROF;
  const child = spawn(
    `${ROOT}node_modules/.bin/tsx`,
    [
      ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []),
      'tests/bench/server-child.ts',
      dbUrl,
      String(devices),
      String(stored),
    ],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('server child exited');
    return JSON.parse(value as string) as unknown;
  };
  const hello = (await nextLine()) as {
    url: string;
    coordinator: Session;
    devices: Array<{ token: string; deviceId: string }>;
    seedEnd: number;
  };
  return {
    url: hello.url,
    coordinator: hello.coordinator,
    devices: hello.devices.map((d): Device => ({ ...d, next: 1 })),
    seedEnd: hello.seedEnd,
    async rows(): Promise<number> {
      child.stdin!.write('rows\n');
      return ((await nextLine()) as { rows: number }).rows;
    },
    async peak(): Promise<{ rss: number; peak: number }> {
      child.stdin!.write('peak\n');
      return (await nextLine()) as { rss: number; peak: number };
    },
    async close(): Promise<void> {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.write('close\n');
      await exited;
    },
  };
}

/** Pushes one batch; throws unless every mutation was applied. */
async function pushBatch(url: string, device: Device, mutations: Mutation[]): Promise<void> {
  const res = await fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, mutations }),
  });
  if (res.status !== 200) throw new Error(`push: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as PushResponse;
  const refused = body.results.filter((r) => r.status !== 'applied');
  if (refused.length > 0 || body.results.length !== mutations.length)
    throw new Error(`push not applied: ${JSON.stringify(refused.slice(0, 2))}`);
}

/** Upserts of `records` as a device's next mutations, in batches of `size`. */
function batchesOf(device: Device, records: HelpRequestInput[], size = BATCH): Mutation[][] {
  const mutations = upserts(records, device.next);
  device.next += records.length;
  const out: Mutation[][] = [];
  for (let i = 0; i < mutations.length; i += size) out.push(mutations.slice(i, i + size));
  return out;
}

/** Pages through the first `n` changes as `session`; returns the number of requests. */
async function pullFirst(url: string, session: Session, n: number): Promise<number> {
  let cursor = '';
  let got = 0;
  let requests = 0;
  while (got < n) {
    const q = new URLSearchParams({ limit: '1000', ...(cursor && { cursor }) });
    const res = await fetch(`${url}/api/v1/sync/pull?${q}`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    requests++;
    if (res.status !== 200) throw new Error(`pull: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as PullResponse;
    got += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  if (got < n) throw new Error(`pull returned ${got} changes, expected ${n}`);
  return requests;
}

async function onDatabase(ctx: BenchContext, name: 'sqlite' | 'postgres', url: string): Promise<BenchRow[]> {
  const reps = ctx.quick ? 2 : 3;
  const started = performance.now();
  const server = await startServerProcess(url, DEVICES + 1, STORED);
  ctx.log(`server ${name}: ${STORED} stored in ${(since(started) / 1000).toFixed(1)} s`);
  try {
    const [single, ...many] = server.devices;
    const ordered: number[] = [];
    const backfill: number[] = [];
    const twenty: number[] = [];
    const pull: number[] = [];
    const rssOne: number[] = [];
    const rssTwenty: number[] = [];
    const rowsAtStart: number[] = [];
    let pullRequests = 0;
    // Time-ordered pushes continue where the stored year ends, 2 days of visits per repetition.
    let clock = server.seedEnd + DAY;
    const nextOrdered = (n: number, seed: number) => {
      const records = helpRequestsAfter(n, clock, 2 * DAY, seed);
      clock += 2 * DAY;
      return records;
    };
    // A warm-up batch per device: connections open, statements prepared.
    for (const d of server.devices)
      for (const b of batchesOf(d, nextOrdered(10, 7))) await pushBatch(server.url, d, b);
    for (let rep = 0; rep < reps; rep++) {
      const seed = 1000 + rep;
      rowsAtStart.push(await server.rows());
      let batches = batchesOf(single!, nextOrdered(TOTAL, seed));
      await server.peak();
      let t = performance.now();
      for (const b of batches) await pushBatch(server.url, single!, b);
      ordered.push(TOTAL / (since(t) / 1000));
      rssOne.push((await server.peak()).peak);

      batches = batchesOf(
        single!,
        helpRequests(TOTAL, { seed: seed + 50, spanDays: 364, end: server.seedEnd }),
      );
      t = performance.now();
      for (const b of batches) await pushBatch(server.url, single!, b);
      backfill.push(TOTAL / (since(t) / 1000));

      const perDevice = many.map((d, i) => batchesOf(d, nextOrdered(TOTAL / DEVICES, seed * 100 + i), 500));
      t = performance.now();
      await Promise.all(
        many.map(async (d, i) => {
          for (const b of perDevice[i]!) await pushBatch(server.url, d, b);
        }),
      );
      twenty.push(TOTAL / (since(t) / 1000));
      rssTwenty.push((await server.peak()).peak);

      t = performance.now();
      pullRequests = await pullFirst(server.url, server.coordinator, TOTAL);
      pull.push(TOTAL / (since(t) / 1000));
      ctx.log(
        `server ${name} rep ${rep + 1}/${reps} (${rowsAtStart.at(-1)} rows): push time-ordered ${ordered.at(-1)!.toFixed(0)}/s, backfill ${backfill.at(-1)!.toFixed(0)}/s, 20 dev ${twenty.at(-1)!.toFixed(0)}/s, pull ${pull.at(-1)!.toFixed(0)}/s`,
      );
    }
    const group = `server ${name}`;
    const stored = `${rowsAtStart[0]!.toLocaleString('en')}-${rowsAtStart.at(-1)!.toLocaleString('en')} rows stored`;
    const extra = { batch: BATCH, rowsAtStart: rowsAtStart.join(' ') };
    return [
      summarise(group, `push 10,000 time-ordered, 1 device, batches of ${BATCH}`, 'rec/s', ordered, {
        key: `push-1-${name}`,
        budget: { value: name === 'sqlite' ? 15_000 : 10_000, better: 'higher' },
        note: `${name}: ${stored} at the start of the repetitions`,
        extra: { ...extra, samples: ordered.map((v) => v.toFixed(0)).join(' ') },
      }),
      summarise(group, `push 10,000 backfill (dates over a year), batches of ${BATCH}`, 'rec/s', backfill, {
        key: `push-backfill-${name}`,
        ...(name === 'sqlite' && { budget: { value: 8_000, better: 'higher' } }),
        extra: { ...extra, samples: backfill.map((v) => v.toFixed(0)).join(' ') },
      }),
      summarise(group, 'push 10,000 total, 20 devices at once (500 each)', 'rec/s', twenty, {
        key: `push-20-${name}`,
      }),
      summarise(group, 'server peak RSS, push 1 device', 'MB', rssOne),
      summarise(group, 'server peak RSS, push 20 devices', 'MB', rssTwenty),
      summarise(group, 'pull first 10,000 changes (pages of 1000)', 'rec/s', pull, {
        extra: { requests: pullRequests },
      }),
    ];
  } finally {
    await server.close();
  }
}

export const serverPush: Benchmark = {
  name: 'server',
  async run(ctx) {
    // BENCH_DB=sqlite or postgres: one database only (while trying a change).
    const only = process.env.BENCH_DB;
    const dbs = testDatabases().filter((db) => !only || db.name === only);
    return runParts(dbs.map((db) => () => onDatabase(ctx, db.name, db.url)));
  },
};
