// Entry point (`npm start` / `npm run serve`): migrate, create the first admin if needed, start
// the hourly retention job and the report rollup catch-up (every minute; one instance runs each
// tick, src/server/jobs.ts), listen.
import { buildApp } from './app';
import { bootstrapAdmin } from './bootstrap';
import { loadConfig } from './config';
import { coordDb } from './coordinator/db';
import { catchUpReports } from './coordinator/report-rollup';
import { createDb } from './db';
import { migrateToLatest } from './db/migrate';
import { JobRunner } from './jobs';
import { runRetention } from './retention/run';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  await migrateToLatest(db);
  const boot = await bootstrapAdmin(db, config);
  if (boot.created && boot.generatedPassword) {
    const line = '='.repeat(72);
    console.error(
      `\n${line}\n  FIRST ADMIN created (shown only this once, write it down)\n` +
        `  e-mail:   ${boot.email}\n  password: ${boot.generatedPassword}\n` +
        `  Set DIGITAFEL_ADMIN_EMAIL and DIGITAFEL_ADMIN_PASSWORD to choose them instead.\n${line}\n`,
    );
  }
  const app = await buildApp({ db, config, logger: true });
  // Retention and the report rollup catch-up: once per tick across every instance on this
  // database (the lease in job_leases, src/server/jobs.ts); each run is recorded in job_runs.
  const jobs = new JobRunner({
    db,
    jobs: [
      { name: 'retention', everyMs: config.jobIntervalsMs.retention, run: (now) => runRetention(db, now) },
      // Reports read a rollup that catches up in the background.
      {
        name: 'report_rollup',
        everyMs: config.jobIntervalsMs.rollup,
        run: () => catchUpReports(coordDb(db)),
      },
    ],
    onError: (job, err) => app.log.error({ err }, `${job} run failed`),
  });
  jobs.start();
  const close = async () => {
    await jobs.stop().catch((err: unknown) => app.log.error({ err }, 'job leases not released'));
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
