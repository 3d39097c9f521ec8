// The coordinator's view of the database: the server's tables plus the ones added by
// migrations/20261123T1000_coordinator.ts (report rollup, merge resolutions).
import type { Kysely, Transaction } from 'kysely';
import type { Db, DB } from '../db';

export interface ReportHelpCountsTable {
  org_id: string;
  /** Brussels calendar day, YYYY-MM-DD. */
  day: string;
  dim: string;
  bucket: string;
  n: number;
}

export interface ReportHelpFactsTable {
  org_id: string;
  record_id: string;
  day: string;
  /** JSON array of "dim\tbucket" strings the record added 1 to. */
  facts: string;
}

export interface ReportStateTable {
  org_id: string;
  /** The last help_requests seq already rolled up. */
  help_seq: number;
  /** The ROLLUP_VERSION (src/shared/report-summary.ts) the rollup was built with. */
  rollup_version: number;
}

export interface MergeResolutionsTable {
  org_id: string;
  merge_id: string;
  resolved_by: string | null;
  resolved_at: string;
  /** "accepted" (the merged value stays) or "restored" (the overwritten value came back). */
  resolution: string;
}

export interface CoordDB extends DB {
  report_help_counts: ReportHelpCountsTable;
  report_help_facts: ReportHelpFactsTable;
  report_state: ReportStateTable;
  merge_resolutions: MergeResolutionsTable;
}

export type CoordDb = Kysely<CoordDB>;
export type CoordTx = CoordDb | Transaction<CoordDB>;

/** The same connection, typed with the coordinator tables. */
export function coordDb(db: Db): CoordDb {
  return db as unknown as CoordDb;
}

/** The same connection or transaction, typed with the server's tables only. */
export function baseDb(db: CoordDb): Db {
  return db as unknown as Db;
}

/** A coordinator transaction typed with the server's tables only. */
export function baseTx(trx: Transaction<CoordDB>): Transaction<DB> {
  return trx as unknown as Transaction<DB>;
}
