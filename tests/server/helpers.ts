// Test helpers for the server (and for anyone testing against the real server): the databases
// every server test runs on, and a seeded server listening on 127.0.0.1 on a free port.
// PostgreSQL must be reachable: when it is not, starting a server fails (no silent skip).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Session } from '../../src/shared/api';
import { buildApp, type BuildOptions } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/secrets';
import { bootstrapAdmin } from '../../src/server/bootstrap';
import { loadConfig, type Config } from '../../src/server/config';
import { createDb, type Db } from '../../src/server/db';
import { migrateToLatest } from '../../src/server/db/migrate';
import { insertOrg } from '../../src/server/db/orgs.repository';
import { insertUser } from '../../src/server/db/users.repository';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** The password of every seeded user. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  url: string;
}

const rand = () => randomBytes(6).toString('hex');

/** A fresh SQLite file and a fresh PostgreSQL schema (search_path in the URL's options). */
export function testDatabases(): TestDatabase[] {
  const schema = `digitafel_test_${rand()}`;
  const sep = TEST_DATABASE_URL.includes('?') ? '&' : '?';
  return [
    { name: 'sqlite', url: `sqlite:${join(tmpdir(), `digitafel-test-${rand()}.sqlite`)}` },
    {
      name: 'postgres',
      url: `${TEST_DATABASE_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    },
  ];
}

const users = new Map<string, number>();

function schemaOf(url: string): { base: string; schema: string } | undefined {
  const u = new URL(url);
  const m = /search_path=([a-z0-9_]+)/.exec(u.searchParams.get('options') ?? '');
  if (!m) return undefined;
  u.searchParams.delete('options');
  return { base: u.toString(), schema: m[1]! };
}

async function onPostgres(base: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Opens a migrated database for `url` (creating the test schema); `release` drops it after its last user. */
export async function openTestDb(url: string): Promise<{ db: Db; release: () => Promise<void> }> {
  const pgSchema = url.startsWith('sqlite:') ? undefined : schemaOf(url);
  if (pgSchema) await onPostgres(pgSchema.base, `CREATE SCHEMA IF NOT EXISTS ${pgSchema.schema}`);
  users.set(url, (users.get(url) ?? 0) + 1);
  const db = createDb(url);
  await migrateToLatest(db);
  const release = async () => {
    await db.destroy();
    const left = (users.get(url) ?? 1) - 1;
    users.set(url, left);
    if (left > 0) return;
    if (pgSchema) await onPostgres(pgSchema.base, `DROP SCHEMA IF EXISTS ${pgSchema.schema} CASCADE`);
    else {
      const file = url.slice('sqlite:'.length);
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
  };
  return { db, release };
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  db: Db;
  config: Config;
  orgId: string;
  admin: Session;
  coordinator: Session;
  volunteer: Session;
  /** A second organisation with its own coordinator, for isolation tests. */
  otherOrg: { orgId: string; coordinator: Session };
  close(): Promise<void>;
}

/** Logs in through the API; each call enrols a new device. */
export async function login(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  return res.json<Session>();
}

/** Starts a seeded server on 127.0.0.1:0 (default: a fresh SQLite file). */
export async function startTestServer(
  opts: {
    dbUrl?: string;
    staticDir?: string;
    config?: Partial<Config>;
    logger?: BuildOptions['logger'];
  } = {},
): Promise<TestServer> {
  const dbUrl = opts.dbUrl ?? testDatabases()[0]!.url;
  const { db, release } = await openTestDb(dbUrl);
  const tag = rand();
  const email = (who: string) => `${who}-${tag}@example.org`;
  const config = {
    ...loadConfig({}),
    port: 0,
    staticDir: opts.staticDir ?? join(tmpdir(), `digitafel-no-static-${tag}`),
    adminEmail: email('admin'),
    adminPassword: TEST_PASSWORD,
    orgName: `Test org ${tag}`,
    ...opts.config,
  };
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const boot = await bootstrapAdmin(db, config);
  const orgId = boot.created ? boot.orgId : (await insertOrg(db, config.orgName)).id;
  if (!boot.created)
    await insertUser(db, { orgId, email: email('admin'), name: 'Admin', role: 'admin', passwordHash });
  await insertUser(db, {
    orgId,
    email: email('coordinator'),
    name: 'Coco',
    role: 'coordinator',
    passwordHash,
  });
  await insertUser(db, { orgId, email: email('volunteer'), name: 'Vera', role: 'volunteer', passwordHash });
  const other = await insertOrg(db, `Other org ${tag}`);
  await insertUser(db, {
    orgId: other.id,
    email: email('other'),
    name: 'Otto',
    role: 'coordinator',
    passwordHash,
  });

  const app = await buildApp({ db, config, logger: opts.logger ?? false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    config,
    orgId,
    admin: await login(app, email('admin')),
    coordinator: await login(app, email('coordinator')),
    volunteer: await login(app, email('volunteer')),
    otherOrg: { orgId: other.id, coordinator: await login(app, email('other')) },
    close: async () => {
      await app.close();
      await release();
    },
  };
}

/** Calls the API with a bearer token (or none) through `app.inject`. */
export function api(
  app: FastifyInstance,
  token: string | null,
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
  url: string,
  payload?: unknown,
) {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload !== undefined && { payload: payload as object }),
  });
}
