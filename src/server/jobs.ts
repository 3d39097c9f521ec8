// Periodic jobs (retention, report rollup) that run once per tick across every instance sharing
// one database. Ticks are aligned on the wall clock (multiples of the job's interval since the
// epoch), so all instances tick together; at each tick each instance tries to take the job's
// lease (job_leases) with one atomic statement, and only the one that gets it runs the job and
// records the run (job_runs). The holder keeps the lease by renewing it at every tick it runs;
// when it stops cleanly it gives the lease up, and when it dies the lease expires after
// LEASE_TICKS intervals and the next instance to tick takes over. A tick that already ran (its
// instant is not after the lease's last_tick) never runs again, not even by the same holder.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { newId } from '../shared/ids';
import type { Db } from './db';

/** Intervals a lease lasts without renewal: its holder may miss one or two ticks (a slow run). */
export const LEASE_TICKS = 2.5;
/** How long job_runs keeps a run. */
const KEEP_RUNS_MS = 7 * 24 * 3_600_000;

export interface Job {
  /** Key in job_leases and job_runs, e.g. `retention`. */
  name: string;
  /** Interval between ticks, in milliseconds. */
  everyMs: number;
  /** The work; `now` is the clock's time when the run started. */
  run: (now: Date) => Promise<unknown>;
}

/** A new holder name for this process: host, pid and a random part (a restart is a new holder). */
export function newHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Takes (or renews) the lease of `job` for the tick at `tick` (ISO), atomically: it succeeds
 * when no other instance holds an unexpired lease and the tick is later than the last one run.
 * One UPDATE ... WHERE does it on an existing row (PostgreSQL re-checks the WHERE after waiting
 * for a concurrent writer's row lock; SQLite has one writer); the first time, an INSERT ... ON
 * CONFLICT DO NOTHING, which only one of several racing instances wins.
 */
export async function takeLease(
  db: Db,
  args: { job: string; holder: string; tick: string; now: Date; ttlMs: number },
): Promise<boolean> {
  const now = args.now.toISOString();
  const expiresAt = new Date(args.now.getTime() + args.ttlMs).toISOString();
  const updated = await db
    .updateTable('job_leases')
    .set({ holder: args.holder, expires_at: expiresAt, last_tick: args.tick })
    .where('job', '=', args.job)
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('holder', '=', args.holder)]))
    .where('last_tick', '<', args.tick)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return true;
  const inserted = await db
    .insertInto('job_leases')
    .values({ job: args.job, holder: args.holder, expires_at: expiresAt, last_tick: args.tick })
    .onConflict((oc) => oc.column('job').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Gives up every lease `holder` has (at a clean stop), so another instance takes over at once. */
export async function releaseLeases(db: Db, holder: string): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ expires_at: new Date(0).toISOString() })
    .where('holder', '=', holder)
    .execute();
}

/** The error's type and code, never its message (it can quote stored values). */
function errorLabel(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? `${err.name} ${code}` : err.name;
}

export interface JobRunnerOptions {
  db: Db;
  jobs: Job[];
  /** This instance's name in the lease (default: newHolder()). */
  holder?: string;
  /** The clock, in milliseconds since the epoch (default Date.now; tests move it by hand). */
  now?: () => number;
  /** Told about a failed run (it is also recorded in job_runs). */
  onError?: (job: string, err: unknown) => void;
}

export class JobRunner {
  readonly holder: string;
  private readonly now: () => number;
  private readonly running = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.holder = options.holder ?? newHolder();
    this.now = options.now ?? Date.now;
  }

  /** Runs each job for the current tick (unless it ran already), then at every tick boundary. */
  start(): void {
    for (const job of this.options.jobs) {
      void this.runTick(job, Math.floor(this.now() / job.everyMs) * job.everyMs);
      this.schedule(job);
    }
  }

  private schedule(job: Job): void {
    if (this.stopped) return;
    const next = (Math.floor(this.now() / job.everyMs) + 1) * job.everyMs;
    const timer = setTimeout(
      () => {
        void this.runTick(job, next);
        this.schedule(job);
      },
      Math.max(0, next - this.now()),
    );
    timer.unref();
    this.timers.set(job.name, timer);
  }

  /**
   * The tick at `tickMs` of `job` in this instance: skipped while this instance still runs the
   * job, or when the lease says another instance holds it or the tick ran already. Resolves
   * true when this instance ran it.
   */
  async runTick(job: Job, tickMs: number): Promise<boolean> {
    if (this.stopped || this.running.has(job.name)) return false;
    let ran = false;
    const work = (async () => {
      const { db } = this.options;
      const tick = new Date(tickMs).toISOString();
      const started = new Date(this.now());
      const ttlMs = job.everyMs * LEASE_TICKS;
      try {
        if (!(await takeLease(db, { job: job.name, holder: this.holder, tick, now: started, ttlMs }))) return;
      } catch (err: unknown) {
        this.options.onError?.(job.name, err);
        return;
      }
      ran = true;
      const id = newId();
      let error: string | null = null;
      try {
        await db
          .insertInto('job_runs')
          .values({ id, job: job.name, tick, holder: this.holder, started_at: started.toISOString() })
          .execute();
        await job.run(started);
      } catch (err: unknown) {
        error = errorLabel(err);
        this.options.onError?.(job.name, err);
      }
      try {
        await db
          .updateTable('job_runs')
          .set({ finished_at: new Date(this.now()).toISOString(), error })
          .where('id', '=', id)
          .execute();
        await db
          .deleteFrom('job_runs')
          .where('job', '=', job.name)
          .where('started_at', '<', new Date(started.getTime() - KEEP_RUNS_MS).toISOString())
          .execute();
      } catch (err: unknown) {
        this.options.onError?.(job.name, err);
      }
    })();
    this.running.set(job.name, work);
    try {
      await work;
    } finally {
      this.running.delete(job.name);
    }
    return ran;
  }

  /** Stops ticking, waits for runs in progress, and gives the leases up. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
    await releaseLeases(this.options.db, this.holder);
  }
}
