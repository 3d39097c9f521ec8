// The SQLite checkpoint policy (src/server/db/index.ts): pushes of 2,000 records at a time go
// through several checkpoints, and the WAL file never grows past the checkpoint interval plus
// one push's pages, then shrinks back once a checkpoint can run to its end.
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MUTATIONS_PER_PUSH } from '../../src/shared/sync-protocol';
import { sqlitePath } from '../../src/server/config';
import { startTestServer, testDatabases, type TestServer } from './helpers';
import { helpRequest, push } from './fixtures';

const sqlite = testDatabases().find((d) => d.name === 'sqlite')!;

describe('SQLite checkpoint policy', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: sqlite.url });
  });
  afterAll(() => s.close());

  const pragma = async (name: string) =>
    Number(Object.values((await sql.raw(`pragma ${name}`).execute(s.db)).rows[0] as object)[0]);

  it('keeps the WAL under the checkpoint interval plus one push', async () => {
    expect(await pragma('wal_autocheckpoint')).toBe(4000);
    expect(await pragma('journal_size_limit')).toBe(64 * 1024 * 1024);
    const pageSize = await pragma('page_size');
    const wal = `${sqlitePath(sqlite.url)!}-wal`;
    let next = 1;
    let biggest = 0;
    let largestPush = 0;
    for (let batch = 0; batch < 8; batch++) {
      const before = statSync(wal).size;
      const muts = Array.from({ length: MAX_MUTATIONS_PER_PUSH }, () => ({
        mutationId: next++,
        table: 'help_requests' as const,
        record: helpRequest({ note: 'n'.repeat(500) }),
      }));
      const res = await push(s.app, s.volunteer, muts);
      expect(res.results.every((r) => r.status === 'applied')).toBe(true);
      const size = statSync(wal).size;
      largestPush = Math.max(largestPush, size - before);
      biggest = Math.max(biggest, size);
    }
    // 16,000 records of ~1 KB: more than the 4,000-page interval, so checkpoints ran.
    const rows = await sql<{ n: number }>`select count(*) as n from help_requests`.execute(s.db);
    expect(Number(rows.rows[0]!.n)).toBeGreaterThanOrEqual(8 * MAX_MUTATIONS_PER_PUSH);
    expect(biggest).toBeLessThanOrEqual((4000 + 1) * (pageSize + 24) + 32 + 2 * largestPush);
    // A full checkpoint with nothing reading resets the WAL; the file is cut back to the limit.
    await sql.raw('pragma wal_checkpoint(TRUNCATE)').execute(s.db);
    expect(statSync(wal).size).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});
