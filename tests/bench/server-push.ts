// Server push and pull throughput over real HTTP (undici fetch, keep-alive) against the server
// in its own process (server-child.ts), on SQLite and on PostgreSQL:
// - push, 1 device: 10,000 help requests in 20 sequential batches of 500;
// - push, 20 devices: 10,000 help requests IN TOTAL, 500 per device (one batch each), all 20
//   devices pushing at once;
// - pull: a coordinator pages through the first 10,000 changes (limit 1000 per page).
// Records/s and the server process's peak RSS during the pushes.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Session } from '../../src/shared/api';
import {
  SCHEMA_VERSION,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync-protocol';
import { testDatabases } from '../server/helpers';
import { helpRequests, upserts } from './records';
import { runParts, since, summarise, type Benchmark, type BenchContext, type BenchRow } from './table';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOTAL = 10_000;
const BATCH = 500;
const DEVICES = 20;

interface Device {
  token: string;
  deviceId: string;
  next: number;
}

/** The server child process: its URL and sessions, memory probes, and close. */
async function startServerProcess(dbUrl: string, devices: number) {
  const child = spawn(
    `${ROOT}node_modules/.bin/tsx`,
    ['tests/bench/server-child.ts', dbUrl, String(devices)],
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
  };
  return {
    url: hello.url,
    coordinator: hello.coordinator,
    devices: hello.devices.map((d): Device => ({ ...d, next: 1 })),
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

/** The next `n` upserts of a device, in batches of BATCH. */
function batchesFor(device: Device, n: number, seed: number): Mutation[][] {
  const mutations = upserts(helpRequests(n, { seed }), device.next);
  device.next += n;
  const out: Mutation[][] = [];
  for (let i = 0; i < mutations.length; i += BATCH) out.push(mutations.slice(i, i + BATCH));
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
  const reps = ctx.quick ? 2 : 5;
  const server = await startServerProcess(url, DEVICES + 1);
  try {
    const [single, ...many] = server.devices;
    const one: number[] = [];
    const twenty: number[] = [];
    const pull: number[] = [];
    const rssOne: number[] = [];
    const rssTwenty: number[] = [];
    let pullRequests = 0;
    // A warm-up batch per device: connections open, statements prepared.
    for (const d of server.devices) for (const b of batchesFor(d, 10, 7)) await pushBatch(server.url, d, b);
    for (let rep = 0; rep < reps; rep++) {
      const seed = 1000 + rep;
      const batches = batchesFor(single!, TOTAL, seed);
      await server.peak();
      let t = performance.now();
      for (const b of batches) await pushBatch(server.url, single!, b);
      one.push(TOTAL / (since(t) / 1000));
      rssOne.push((await server.peak()).peak);

      const perDevice = many.map((d, i) => batchesFor(d, TOTAL / DEVICES, seed * 100 + i));
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
        `server ${name} rep ${rep + 1}/${reps}: push 1 dev ${one.at(-1)!.toFixed(0)}/s, 20 dev ${twenty.at(-1)!.toFixed(0)}/s, pull ${pull.at(-1)!.toFixed(0)}/s`,
      );
    }
    const group = `server ${name}`;
    return [
      summarise(group, 'push 10,000, 1 device, batches of 500', 'rec/s', one, {
        key: `push-1-${name}`,
        ...(name === 'sqlite' && { budget: { value: 5000, better: 'higher' } }),
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
    return runParts(testDatabases().map((db) => () => onDatabase(ctx, db.name, db.url)));
  },
};
