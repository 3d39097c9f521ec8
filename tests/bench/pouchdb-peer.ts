// The side-by-side peer: what a team would pick instead, PouchDB in the browser replicating to a
// CouchDB-compatible server. express-pouchdb (PouchDB's own server, in-memory adapter) runs in
// this process on loopback; pouchdb-browser (IndexedDB adapter) runs in Chromium in a page of
// that server's origin. The same 10,000 help requests (as documents) are put into a local
// PouchDB with bulkDocs (not timed), replicated to the server (push), then replicated from the
// server into a new local database (pull), with PouchDB's default options (batches of 100).
// run.ts prints our sync's ratio to these times.
import { createServer } from 'node:http';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { benchPage, withChromium } from './browser-kit';
import { helpRequests } from './records';
import { repeat, summarise, type Benchmark, type BenchContext } from './table';

const N = 10_000;
const GLOBAL = 'PouchBench';

interface PouchRun {
  pushMs: number;
  pushRequests: number;
  pullMs: number;
  pullRequests: number;
}

/** express-pouchdb on 127.0.0.1 (databases in memory), plus a blank page at /bench. */
async function startPouchServer() {
  const MemPouch = PouchDB.plugin(httpAdapter)
    .plugin(memoryAdapter)
    .plugin(mapreduce)
    .plugin(replication)
    .defaults({ adapter: 'memory' });
  const pouchApp = expressPouchDB(MemPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  let requests = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/bench') requests++;
    if (req.url === '/bench') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
      return;
    }
    pouchApp(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    /** HTTP requests the PouchDB server answered so far (the page itself not counted). */
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function runs(ctx: BenchContext): Promise<PouchRun[]> {
  const reps = ctx.quick ? 1 : 3;
  const server = await startPouchServer();
  try {
    return await withChromium(async (browser) => {
      const { context, page } = await benchPage(browser, server.url, 'pouchdb', GLOBAL, '/bench');
      const out = await repeat(reps, async (rep) => {
        const docs = helpRequests(N, { seed: 900 + rep }).map((r) => ({
          _id: r.id,
          ...r,
          syncState: 'pending',
        }));
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        type Win = Record<string, any>;
        await page.evaluate(
          async ({ docs, rep, global }) => {
            const { PouchDB } = (window as unknown as Win)[global];
            const written = await new PouchDB(`local-${rep}`).bulkDocs(docs);
            if (written.some((w: { ok?: boolean }) => !w.ok)) throw new Error('bulkDocs failed');
          },
          { docs, rep, global: GLOBAL },
        );
        const replicate = async (from: string, to: string) => {
          const before = server.requests();
          const { ms, written } = await page.evaluate(
            async ({ from, to, global }) => {
              const { PouchDB } = (window as unknown as Win)[global];
              const t = performance.now();
              const result = await PouchDB.replicate(new PouchDB(from), new PouchDB(to));
              return { ms: performance.now() - t, written: result.docs_written as number };
            },
            { from, to, global: GLOBAL },
          );
          if (written !== N) throw new Error(`PouchDB replicated ${written} documents from ${from}`);
          return { ms, requests: server.requests() - before };
        };
        const remote = `${server.url}/bench-${rep}`;
        const push = await replicate(`local-${rep}`, remote);
        const pull = await replicate(remote, `pulled-${rep}`);
        const run = {
          pushMs: push.ms,
          pushRequests: push.requests,
          pullMs: pull.ms,
          pullRequests: pull.requests,
        };
        ctx.log(
          `pouchdb: push ${(run.pushMs / 1000).toFixed(2)} s / ${run.pushRequests} req, pull ${(run.pullMs / 1000).toFixed(2)} s / ${run.pullRequests} req`,
        );
        return run;
      });
      await context.close();
      return out;
    });
  } finally {
    await server.close();
  }
}

export const pouchPeer: Benchmark = {
  name: 'pouchdb',
  async run(ctx) {
    const r = await runs(ctx);
    const group = 'peer: PouchDB <-> express-pouchdb (loopback)';
    return [
      summarise(
        group,
        'replicate 10,000 to the server',
        'ms',
        r.map((x) => x.pushMs),
        { key: 'pouch-push' },
      ),
      summarise(
        group,
        'requests used to push 10,000',
        'requests',
        r.map((x) => x.pushRequests),
      ),
      summarise(
        group,
        'replicate 10,000 into a new local db',
        'ms',
        r.map((x) => x.pullMs),
        { key: 'pouch-pull' },
      ),
      summarise(
        group,
        'requests used to pull 10,000',
        'requests',
        r.map((x) => x.pullRequests),
      ),
    ];
  },
};
