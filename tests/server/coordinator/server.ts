// A seeded test server with the coordinator routes and tables, whether or not app.ts and
// migrate.ts register them yet: it builds on startTestServer and adds what is missing.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';
import type { Db } from '../../../src/server/db';
import { up } from '../../../src/server/db/migrations/20261123T1000_coordinator';
import { authenticate } from '../../../src/server/http/auth';
import { coordinatorRoutes } from '../../../src/server/routes/coordinator';
import { startTestServer, type TestServer } from '../helpers';

/** Runs the coordinator migration when migrate.ts does not (yet). */
async function ensureCoordinatorTables(db: Db): Promise<void> {
  try {
    await sql`select count(*) from report_state`.execute(db);
  } catch {
    await up(db as never);
  }
}

/** startTestServer plus the coordinator routes and tables. */
export async function startCoordinatorServer(dbUrl: string): Promise<TestServer> {
  const s = await startTestServer({ dbUrl });
  await ensureCoordinatorTables(s.db);
  if (s.app.hasRoute({ method: 'GET', url: '/api/v1/reports/summary' })) return s;
  const config = { ...loadConfig({}), staticDir: join(tmpdir(), 'digitafel-no-static-coordinator') };
  const app: FastifyInstance = await buildApp({ db: s.db, config });
  const deps = {
    db: s.db,
    config,
    authenticate: authenticate(s.db, config),
  };
  await app.register(async (api) => coordinatorRoutes(api, deps), { prefix: '/api/v1' });
  await app.ready();
  return {
    ...s,
    app,
    close: async () => {
      await app.close();
      await s.close();
    },
  };
}
