// Entry point (`npm start` / `npm run serve`): migrate, create the first admin if needed, start
// the hourly retention job and the report rollup catch-up (every minute), listen.
import { buildApp } from './app';
import { bootstrapAdmin } from './bootstrap';
import { loadConfig } from './config';
import { coordDb } from './coordinator/db';
import { catchUpReports } from './coordinator/report-rollup';
import { createDb } from './db';
import { migrateToLatest } from './db/migrate';
import { runRetention } from './retention/run';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

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
  const retain = () =>
    runRetention(db).catch((err: unknown) => app.log.error({ err }, 'retention run failed'));
  const timer = setInterval(retain, HOUR_MS);
  timer.unref();
  void retain();
  // Reports read a rollup that catches up in the background, one run at a time per instance.
  let rolling = false;
  const rollup = async () => {
    if (rolling) return;
    rolling = true;
    try {
      await catchUpReports(coordDb(db));
    } catch (err: unknown) {
      app.log.error({ err }, 'report rollup failed');
    } finally {
      rolling = false;
    }
  };
  const rollupTimer = setInterval(() => void rollup(), MINUTE_MS);
  rollupTimer.unref();
  const close = async () => {
    clearInterval(timer);
    clearInterval(rollupTimer);
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
