// Runs the timestamped migrations with Kysely's Migrator (it takes a lock, so several instances
// starting at once on one PostgreSQL migrate only once).
import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './index';
import * as initial from './migrations/20261123T0900_initial';
import * as coordinator from './migrations/20261123T1000_coordinator';
import * as deviceOutcomes from './migrations/20261123T1200_device_outcomes';
import * as coordinatorLists from './migrations/20261201T1437_coordinator_lists';
import * as rollupVersion from './migrations/20261201T1531_report_rollup_version';
import * as accounts from './migrations/20261201T1559_accounts';
import * as wellformedText from './migrations/20261201T1617_wellformed_text';
import * as didItThemselvesChoice from './migrations/20261201T1653_did_it_themselves_choice';
import * as retentionHistory from './migrations/20261201T1718_retention_history';
import * as orgPrivacyContact from './migrations/20261201T1900_org_privacy_contact';
import * as jobLeases from './migrations/20261202T0100_job_leases';
import * as helpRequestIndexes from './migrations/20261202T0200_help_request_indexes';
import * as fiches from './migrations/20261202T1330_fiches';
import * as sharedSessions from './migrations/20261202T1600_shared_sessions';

const migrations: Record<string, Migration> = {
  '20261123T0900_initial': initial,
  '20261123T1000_coordinator': coordinator,
  '20261123T1200_device_outcomes': deviceOutcomes,
  '20261201T1437_coordinator_lists': coordinatorLists,
  '20261201T1531_report_rollup_version': rollupVersion,
  '20261201T1559_accounts': accounts,
  '20261201T1617_wellformed_text': wellformedText,
  '20261201T1653_did_it_themselves_choice': didItThemselvesChoice,
  '20261201T1718_retention_history': retentionHistory,
  '20261201T1900_org_privacy_contact': orgPrivacyContact,
  '20261202T0100_job_leases': jobLeases,
  '20261202T0200_help_request_indexes': helpRequestIndexes,
  '20261202T1330_fiches': fiches,
  '20261202T1600_shared_sessions': sharedSessions,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * PostgreSQL's current schema (the first of search_path), or undefined on SQLite. The Migrator
 * must be told it: without a schema it takes a migration table in ANY schema of the database for
 * its own, so a second deployment (or test schema) in one database skipped creating its lock
 * table and failed with "relation kysely_migration_lock does not exist".
 */
async function currentSchema(db: Db): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const res = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return res.rows[0]?.schema ?? undefined;
}

/** Migrates the schema to the latest version; throws when a migration fails. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrationTableSchema = await currentSchema(db);
  const { error, results } = await new Migrator({
    db,
    provider,
    ...(migrationTableSchema && { migrationTableSchema }),
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
  }
}
