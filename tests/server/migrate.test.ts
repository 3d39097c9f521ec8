// Migrations on a PostgreSQL database that holds other schemas: Kysely's migration tables of
// another schema (another deployment, or a parallel test) must not be taken for ours.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { createDb } from '../../src/server/db';
import { migrateToLatest } from '../../src/server/db/migrate';
import { TEST_DATABASE_URL, testDatabases } from './helpers';

const decoy = `digitafel_decoy_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;

async function onBase(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

afterAll(() => onBase(`DROP SCHEMA IF EXISTS ${decoy} CASCADE`));

describe('migrations on PostgreSQL', () => {
  it('migrates a fresh schema while another schema holds kysely_migration tables', async () => {
    await onBase(`CREATE SCHEMA ${decoy}`);
    await onBase(
      `CREATE TABLE ${decoy}.kysely_migration (name varchar(255) primary key, timestamp varchar(255))`,
    );
    await onBase(
      `CREATE TABLE ${decoy}.kysely_migration_lock (id varchar(255) primary key, is_locked integer)`,
    );
    const url = testDatabases().find((d) => d.name === 'postgres')!.url;
    const schema = /search_path=([a-z0-9_]+)/.exec(decodeURIComponent(url))![1]!;
    await onBase(`CREATE SCHEMA ${schema}`);
    const db = createDb(url);
    try {
      await migrateToLatest(db);
      await migrateToLatest(db); // a restart finds its own migrations done
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(db);
      expect(rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await db.destroy();
      await onBase(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });
});
