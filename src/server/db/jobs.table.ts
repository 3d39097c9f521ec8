// Table types of the periodic jobs' lease and run log (src/server/jobs.ts).

/** One row per job: who may run it, until when, and the last tick it ran for. */
export interface JobLeasesTable {
  job: string;
  /** The instance holding the lease (host:pid:random, new at every start). */
  holder: string;
  /** ISO instant; after it, another instance may take the lease. */
  expires_at: string;
  /** ISO instant of the last tick the job ran for; a tick runs at most once. */
  last_tick: string;
}

/** One row per run of a job (deleted after 7 days). */
export interface JobRunsTable {
  id: string;
  job: string;
  /** ISO instant of the tick (a multiple of the job's interval since the epoch). */
  tick: string;
  holder: string;
  started_at: string;
  /** Null while running (or when the instance died during the run). */
  finished_at: string | null;
  /** The error's type and code when the run failed (never its message); null otherwise. */
  error: string | null;
}
