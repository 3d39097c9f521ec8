// Periodic jobs run once per tick across instances sharing one database (README.md, "Deploy on
// PostgreSQL behind several instances"): job_leases holds, per job, which instance may run it
// until when and the last tick it ran for; job_runs records each run (kept 7 days), so an
// operator (and tests/faults/instances.test.ts) can see that a tick ran once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('job', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_tick', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('tick', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('job_runs_job_started').on('job_runs').columns(['job', 'started_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_runs').ifExists().execute();
  await db.schema.dropTable('job_leases').ifExists().execute();
}
