// Sync between Chromium and the server (the production server process over dist/, SQLite):
// a phone holding 10,000 pending help requests (queued in its outbox) pushes them with the
// app's push phase (src/sync/push.ts: batches of <= 2,000 mutations / ~1.8 MB), then a second,
// new device of the same volunteer pulls them with the app's pull phase (src/sync/pull.ts,
// pages of 500). On loopback, and through a proxy adding 300 ms to every request. Each
// repetition uses a new organisation, so the pull holds exactly these records (plus the
// organisation's place and laptop). Requests counted by the fetch the API client is given.
import type { Page } from 'playwright-core';
import type { Session } from '../../src/shared/api';
import { login, seedOrg, type TestServer } from '../e2e/harness';
import { benchPage, BENCH_GLOBAL, withChromium, withServer, type BenchModules } from './browser-kit';
import { startDelayProxy } from './delay-proxy';
import { helpRequests } from './records';
import { summarise, type Benchmark, type BenchContext, type BenchRow } from './table';

const N = 10_000;

export interface SyncRun {
  pushMs: number;
  pushRequests: number;
  pullMs: number;
  pullRequests: number;
}

/**
 * Queues `N` pending help requests on a new phone of `session`, in one transaction (the save
 * path itself is measured by the saving benchmark; here only the sync is timed).
 */
export async function fillOutbox(page: Page, name: string, session: Session, origin: string, seed: number) {
  const records = helpRequests(N, { seed }).map(({ id: _id, ...r }) => r);
  return page.evaluate(
    async ({ records, name, session, origin, global }) => {
      const b = (window as unknown as Record<string, BenchModules>)[global]!;
      const db = b.openDb(name);
      await b.storeSession(db, { ...session, serverUrl: origin });
      await b.queueHelpRequests(db, records);
      return db.outbox.count();
    },
    { records, name, session, origin, global: BENCH_GLOBAL },
  );
}

/** Pushes the outbox of database `name`, then pulls everything into a new device's database. */
async function pushThenPull(
  page: Page,
  name: string,
  pusher: Session,
  puller: Session,
  origin: string,
): Promise<SyncRun> {
  return page.evaluate(
    async ({ name, pusher, puller, origin, global }) => {
      const b = (window as unknown as Record<string, BenchModules>)[global]!;
      let requests = 0;
      const counting = (input: RequestInfo | URL, init?: RequestInit) => {
        requests++;
        return fetch(input, init);
      };
      const db = b.openDb(name);
      const pushApi = b.createApiClient({ baseUrl: origin, getToken: () => pusher.token, fetch: counting });
      const stats = { sent: 0, applied: 0, skipped: 0, rejected: 0, conflicts: 0 };
      let t = performance.now();
      await b.pushOutbox(db, pushApi, pusher.deviceId, stats);
      const pushMs = performance.now() - t;
      const pushRequests = requests;
      if (stats.applied !== 10_000 || (await db.outbox.count()) !== 0)
        throw new Error(`push applied ${stats.applied}: ${JSON.stringify(stats)}`);

      const other = b.openDb(`${name}-pull`);
      await b.storeSession(other, { ...puller, serverUrl: origin });
      const pullApi = b.createApiClient({ baseUrl: origin, getToken: () => puller.token, fetch: counting });
      requests = 0;
      t = performance.now();
      await b.pullChanges(other, pullApi, '');
      const pullMs = performance.now() - t;
      const pulled = await other.help_requests.count();
      if (pulled !== 10_000) throw new Error(`pulled ${pulled} help requests`);
      return { pushMs, pushRequests, pullMs, pullRequests: requests };
    },
    { name, pusher, puller, origin, global: BENCH_GLOBAL },
  );
}

/** One repetition on `origin` (the server, or a proxy in front of it). */
async function oneRun(
  ctx: BenchContext,
  page: Page,
  server: TestServer,
  origin: string,
  rep: string,
  seed: number,
): Promise<SyncRun> {
  const org = await seedOrg(server.url);
  const pusher = await login(server.url, org.volunteer.email, org.volunteer.password);
  const puller = await login(server.url, org.volunteer.email, org.volunteer.password);
  const t = performance.now();
  const queued = await fillOutbox(page, `sync-${rep}`, pusher, origin, seed);
  if (queued !== N) throw new Error(`outbox holds ${queued}`);
  ctx.log(`sync ${rep}: outbox filled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const run = await pushThenPull(page, `sync-${rep}`, pusher, puller, origin);
  ctx.log(
    `sync ${rep}: push ${(run.pushMs / 1000).toFixed(2)} s / ${run.pushRequests} req, pull ${(run.pullMs / 1000).toFixed(2)} s / ${run.pullRequests} req`,
  );
  return run;
}

function rowsOf(network: string, key: string, runs: SyncRun[]): BenchRow[] {
  const group = `sync Chromium <-> server (${network})`;
  return [
    summarise(
      group,
      'push 10,000 records',
      'ms',
      runs.map((r) => r.pushMs),
      { key: `sync-push-${key}` },
    ),
    summarise(
      group,
      'requests used to push 10,000',
      'requests',
      runs.map((r) => r.pushRequests),
    ),
    summarise(
      group,
      'pull 10,000 records (new device)',
      'ms',
      runs.map((r) => r.pullMs),
      { key: `sync-pull-${key}` },
    ),
    summarise(
      group,
      'requests used to pull 10,000',
      'requests',
      runs.map((r) => r.pullRequests),
    ),
  ];
}

export const chromiumSync: Benchmark = {
  name: 'sync',
  async run(ctx) {
    const loopbackReps = ctx.quick ? 1 : 3;
    const slowReps = ctx.quick ? 1 : 2;
    return withServer(({ server }) =>
      withChromium(async (browser) => {
        const rows: BenchRow[] = [];
        const direct = await benchPage(browser, server.url);
        const loopback: SyncRun[] = [];
        for (let i = 0; i < loopbackReps; i++)
          loopback.push(await oneRun(ctx, direct.page, server, server.url, `loopback-${i}`, 900 + i));
        await direct.context.close();
        rows.push(...rowsOf('loopback', 'loopback', loopback));

        const proxy = await startDelayProxy(server.port, 300);
        try {
          const slow = await benchPage(browser, proxy.url);
          const delayed: SyncRun[] = [];
          for (let i = 0; i < slowReps; i++)
            delayed.push(await oneRun(ctx, slow.page, server, proxy.url, `latency-${i}`, 950 + i));
          await slow.context.close();
          rows.push(...rowsOf('+300 ms per request', 'latency', delayed));
        } finally {
          await proxy.close();
        }
        return rows;
      }),
    );
  },
};
