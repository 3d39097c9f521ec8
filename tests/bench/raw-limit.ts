// The raw limit: the same 10,000 help requests written in ONE transaction, without our code
// around it, to show what the pipelines cost on top:
// - IndexedDB in Chromium: one readwrite transaction putting the 10,000 rows (as src/local
//   stores them, with the help_requests indexes of the app's schema v2), timed until the
//   transaction's `complete`;
// - SQLite (better-sqlite3, WAL, synchronous=NORMAL like the server): one transaction inserting
//   the 10,000 rows exactly as a push stores them (rows.ts) into the migrated schema.
// run.ts turns them into ratios against the local store and the server push.
import Database from 'better-sqlite3';
import { openTestDb, testDatabases } from '../server/helpers';
import { benchPage, withChromium, withServer } from './browser-kit';
import { helpRequests } from './records';
import { HELP_COLUMNS, helpRow } from './rows';
import { repeat, since, summarise, type Benchmark, type BenchContext, type BenchRow } from './table';

const N = 10_000;

async function rawIndexedDb(ctx: BenchContext): Promise<BenchRow> {
  const reps = ctx.quick ? 3 : 7;
  const samples = await withServer(({ server }) =>
    withChromium(async (browser) => {
      const { context, page } = await benchPage(browser, server.url, null);
      const out = await repeat(reps, (rep) => {
        const rows = helpRequests(N, { seed: 700 + rep }).map((r) => ({ ...r, syncState: 'pending' }));
        return page.evaluate(
          ({ rows, name }) =>
            new Promise<number>((resolve, reject) => {
              const open = indexedDB.open(name, 1);
              open.onupgradeneeded = () => {
                const store = open.result.createObjectStore('help_requests', { keyPath: 'id' });
                store.createIndex('occurredAt', 'occurredAt');
                store.createIndex('permanenceId', 'permanenceId');
                store.createIndex('syncState', 'syncState');
                store.createIndex('[syncState+occurredAt]', ['syncState', 'occurredAt']);
              };
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                const t = performance.now();
                const tx = db.transaction('help_requests', 'readwrite');
                const store = tx.objectStore('help_requests');
                for (const row of rows) store.put(row);
                tx.oncomplete = () => {
                  const ms = performance.now() - t;
                  const count = db.transaction('help_requests').objectStore('help_requests').count();
                  count.onsuccess = () =>
                    count.result === rows.length ? resolve(ms) : reject(new Error(`${count.result} rows`));
                };
                tx.onerror = () => reject(tx.error);
              };
            }),
          { rows, name: `raw-${rep}` },
        );
      });
      await context.close();
      return out;
    }),
  );
  ctx.log(`raw IndexedDB: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
  return summarise('raw limit', '10,000 rows, one IndexedDB transaction (Chromium)', 'ms', samples, {
    key: 'raw-idb',
  });
}

async function rawSqlite(ctx: BenchContext): Promise<BenchRow> {
  const reps = ctx.quick ? 3 : 7;
  const url = testDatabases()[0]!.url;
  const { release } = await openTestDb(url);
  const sqlite = new Database(url.slice('sqlite:'.length));
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    const insert = sqlite.prepare(
      `INSERT INTO help_requests (${HELP_COLUMNS.join(', ')}) VALUES (${HELP_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    let seq = 0;
    const samples = await repeat(reps, async (rep) => {
      const rows = helpRequests(N, { seed: 800 + rep }).map((r) =>
        helpRow(r, { orgId: 'org-raw', seq: ++seq, userId: 'user-raw', deviceId: 'device-raw' }),
      );
      const t = performance.now();
      sqlite.transaction(() => {
        for (const row of rows) insert.run(row);
      })();
      return since(t);
    });
    ctx.log(`raw SQLite: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
    return summarise('raw limit', '10,000 rows, one SQLite transaction (better-sqlite3)', 'ms', samples, {
      key: 'raw-sqlite',
    });
  } finally {
    sqlite.close();
    await release();
  }
}

export const rawLimit: Benchmark = {
  name: 'raw',
  async run(ctx) {
    return [await rawIndexedDb(ctx), await rawSqlite(ctx)];
  },
};
