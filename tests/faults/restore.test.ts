// A restored backup: the server goes back in time and forgets pushes it had answered. Two
// phones keep saving and syncing against the real server process (tsx src/server/main.ts)
// while a backup is taken (SQLite: `npm run backup`'s script, online; PostgreSQL: pg_dump of
// the test schema, `-Fc`), and go on after it; then the server stops, the copy is restored
// (SQLite: the file copied over the database, its -wal/-shm removed; PostgreSQL: pg_restore
// --clean of the schema, then the epoch bump README.md asks for), and the server starts again.
// One phone saves more and pushes (it sees the rewind in the push answer), the other only
// syncs (it sees it in the pull answer). Every record the phones hold must then be on the
// server exactly once: applied once (version 1), same content, nothing else.
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { saveHelpRequest } from '../../src/local';
import { toInput } from '../../src/shared/records';
import type { PushRequest, PushResponse } from '../../src/shared/sync-protocol';
import { createDb } from '../../src/server/db';
import { parseData } from '../../src/server/records/format';
import { openTestDb, testDatabases } from '../server/helpers';
import { helpDraft, phoneFor, type Phone } from '../unit/sync/helpers';
import { login, seedOrg } from '../e2e/api';
import { TestServer } from '../e2e/server';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'digitafel-restore-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The PostgreSQL connection string without the search_path option, and the schema. */
function pgParts(url: string): { base: string; schema: string } {
  const u = new URL(url);
  const schema = /search_path=([a-z0-9_]+)/.exec(u.searchParams.get('options') ?? '')![1]!;
  u.searchParams.delete('options');
  return { base: u.toString(), schema };
}

describe.each(testDatabases())('a restored backup on $name', ({ name, url }) => {
  it('gets back every record the phones hold, each applied once', async () => {
    // The PostgreSQL schema (the server migrates); the SQLite file is the server's alone.
    const release =
      name === 'postgres'
        ? (await openTestDb(url)).release
        : async () => {
            for (const suffix of ['', '-wal', '-shm'])
              rmSync(url.slice('sqlite:'.length) + suffix, { force: true });
          };
    const emptyStatic = mkdtempSync(join(tmp, 'static-'));
    const server = await TestServer.launch({ staticDir: emptyStatic, databaseUrl: url });
    const backupFile = join(tmp, `backup-${name}.${name === 'sqlite' ? 'sqlite' : 'dump'}`);
    try {
      const org = await seedOrg(server.url);
      const made = new Map<string, Record<string, unknown>>();
      const acked = new Set<string>();
      /** fetch that notes which records a push answer acknowledged. */
      const watching: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        if (String(input).endsWith('/sync/push') && res.ok) {
          const body = JSON.parse(String(init?.body)) as PushRequest;
          const ids = new Map(body.mutations.map((m) => [m.mutationId, m.id]));
          const answer = (await res.clone().json()) as PushResponse;
          for (const r of answer.results) if (r.status !== 'rejected') acked.add(ids.get(r.mutationId)!);
        }
        return res;
      };
      const phones: Phone[] = [];
      for (let i = 0; i < 2; i++) {
        const session = await login(server.url, org.volunteer.email, org.volunteer.password);
        phones.push(await phoneFor(session, server.url, watching));
      }
      let n = 0;
      const save = async (phone: Phone) => {
        phone.use();
        const r = await saveHelpRequest(helpDraft({ note: `restore test ${n++}` }));
        made.set(r.id, toInput('help_requests', r as unknown as Record<string, unknown>));
      };
      const settle = async (phone: Phone) => {
        for (let round = 0; ; round++) {
          const report = await phone.engine.sync();
          if (report.ok && (await phone.db.outbox.count()) === 0) return report;
          if (round > 20) throw new Error(`phone never settled: ${JSON.stringify(report)}`);
        }
      };

      // Before the backup: both phones save and sync.
      for (const phone of phones) {
        for (let k = 0; k < 20; k++) await save(phone);
        await settle(phone);
      }
      // The backup, taken while both phones keep saving and pushing.
      let target = Infinity;
      const work = phones.map(async (phone) => {
        while (made.size < target) {
          for (let k = 0; k < 5; k++) await save(phone);
          await phone.engine.sync();
        }
      });
      if (name === 'sqlite') {
        await run(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/backup.ts', backupFile], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: url },
        });
      } else {
        const { base, schema } = pgParts(url);
        await run('pg_dump', ['-Fc', '-n', schema, '-f', backupFile, base]);
      }
      const madeAtBackup = made.size;
      // After the backup: more records, all acknowledged before the restore.
      target = madeAtBackup + 60;
      await Promise.all(work);
      for (const phone of phones) await settle(phone);
      expect([...made.keys()].filter((id) => !acked.has(id))).toEqual([]);

      // The restore: the server stops, the copy replaces the database, the server starts.
      await server.stop();
      if (name === 'sqlite') {
        const file = url.slice('sqlite:'.length);
        for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
        copyFileSync(backupFile, file);
      } else {
        const { base, schema } = pgParts(url);
        await run('pg_restore', ['--clean', '--if-exists', '-d', base, backupFile]);
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        try {
          await client.query(`UPDATE ${schema}.org_seq SET epoch = epoch + 1`);
        } finally {
          await client.end();
        }
      }
      await server.start();

      const db = createDb(url);
      try {
        const ids = async () =>
          new Set((await db.selectFrom('help_requests').select('id').execute()).map((r) => r.id));
        const afterRestore = await ids();
        const forgotten = [...made.keys()].filter((id) => !afterRestore.has(id));
        // The restore really lost acknowledged records (else this test would prove nothing).
        expect(forgotten.length).toBeGreaterThan(0);

        // One phone saves more and pushes; the other only syncs.
        for (let k = 0; k < 10; k++) await save(phones[0]!);
        for (const phone of phones) await settle(phone);
        for (const phone of phones) await settle(phone); // a second round finds nothing more to do

        const rows = await db.selectFrom('help_requests').selectAll().execute();
        const onServer = new Map(rows.map((r) => [r.id, r]));
        const lost = [...made.keys()].filter((id) => !onServer.has(id));
        const extra = rows.filter((r) => !made.has(r.id)).map((r) => r.id);
        const twice = rows.filter((r) => Number(r.version) !== 1).map((r) => r.id);
        const changed = rows
          .filter((r) => made.has(r.id) && !isDeepStrictEqual(parseData(r), made.get(r.id)))
          .map((r) => r.id);
        console.log(
          `restore on ${name}: records made ${made.size} (${madeAtBackup} before the backup ended), ` +
            `forgotten by the restore ${forgotten.length}, lost at the end ${lost.length}, ` +
            `applied twice ${twice.length}, unexpected ${extra.length}, content differs ${changed.length}`,
        );
        expect(lost).toEqual([]);
        expect(extra).toEqual([]);
        expect(twice).toEqual([]);
        expect(changed).toEqual([]);
        // Each phone still holds its records, synced, and the server's mark is its own again.
        for (const phone of phones) {
          expect(await phone.db.outbox.count()).toBe(0);
          const held = await phone.db.help_requests.toArray();
          for (const row of held) expect(onServer.has(row.id)).toBe(true);
        }
      } finally {
        await db.destroy();
      }
    } finally {
      await server.dispose();
      await release();
    }
  }, 300_000);
});
