// The migration that adds the coordinator lists' columns fills them for rows written before it,
// on SQLite and PostgreSQL: an inventory or overdue list must not lose the items and loans an
// organisation already had.
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import * as initial from '../../src/server/db/migrations/20261123T0900_initial';
import * as coordinator from '../../src/server/db/migrations/20261123T1000_coordinator';
import * as outcomes from '../../src/server/db/migrations/20261123T1200_device_outcomes';
import * as lists from '../../src/server/db/migrations/20261201T1437_coordinator_lists';
import { createDb, type Db } from '../../src/server/db';
import { newId } from '../../src/shared/ids';
import { testDatabases, TEST_DATABASE_URL } from './helpers';
import pg from 'pg';
import { rmSync } from 'node:fs';

const schemas: string[] = [];

async function onBase(statement: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const schema of schemas) await onBase(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

describe.each(testDatabases())('the coordinator lists migration on $name', ({ name, url }) => {
  it('fills asset tag, kind, status, start and due dates of existing rows, in chunks', async () => {
    if (name === 'postgres') {
      const schema = /search_path=([a-z0-9_]+)/.exec(decodeURIComponent(url))![1]!;
      schemas.push(schema);
      await onBase(`CREATE SCHEMA ${schema}`);
    }
    const db: Db = createDb(url);
    try {
      const raw = db as unknown as Kysely<unknown>;
      for (const m of [initial, coordinator, outcomes]) await m.up(raw);
      const orgId = newId();
      const row = (id: string, data: Record<string, unknown>) => ({
        org_id: orgId,
        id,
        version: 1,
        seq: 1,
        deleted: 0,
        data: JSON.stringify(data),
        received_at: '2026-11-01T10:00:00.000Z',
      });
      // More rows than one chunk (500), so the chunked fill is exercised.
      const items = Array.from({ length: 620 }, (_, i) =>
        row(newId(), { assetTag: `T-${i}`, kind: 'tablet', status: 'ready' }),
      );
      for (let i = 0; i < items.length; i += 100) {
        await sql`insert into equipment ${sql.raw('(org_id, id, version, seq, deleted, data, received_at)')} values ${sql.join(
          items
            .slice(i, i + 100)
            .map(
              (r) =>
                sql`(${r.org_id}, ${r.id}, ${r.version}, ${r.seq}, ${r.deleted}, ${r.data}, ${r.received_at})`,
            ),
        )}`.execute(db);
      }
      const loanId = newId();
      const l = row(loanId, {
        equipmentId: items[0]!.id,
        startedAt: '2026-10-01T09:00:00+02:00',
        dueAt: '2026-10-31T12:00:00+01:00',
      });
      await sql`insert into loans (org_id, id, version, seq, deleted, data, received_at, open) values (${l.org_id}, ${l.id}, 1, 1, 0, ${l.data}, ${l.received_at}, 1)`.execute(
        db,
      );
      await lists.up(raw);
      const filled = await db.selectFrom('equipment').select(['asset_tag', 'kind', 'status']).execute();
      expect(filled).toHaveLength(620);
      expect(
        filled.every((r) => r.kind === 'tablet' && r.status === 'ready' && r.asset_tag?.startsWith('T-')),
      ).toBe(true);
      expect(new Set(filled.map((r) => r.asset_tag)).size).toBe(620);
      const loan = await db.selectFrom('loans').select(['started_at', 'due_at']).executeTakeFirstOrThrow();
      expect(loan).toEqual({ started_at: '2026-10-01T07:00:00.000Z', due_at: '2026-10-31T11:00:00.000Z' });
    } finally {
      await db.destroy();
      if (name === 'sqlite') {
        for (const suffix of ['', '-wal', '-shm'])
          rmSync(url.slice('sqlite:'.length) + suffix, { force: true });
      }
    }
  });
});
