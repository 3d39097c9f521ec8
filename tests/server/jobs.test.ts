// The periodic jobs' lease (src/server/jobs.ts), on SQLite and PostgreSQL, with a clock moved by
// hand: several runners on one database run each tick once, the holder keeps the job, a dead
// holder's lease expires and another takes over, a clean stop hands over at once, and a tick
// never runs twice. tests/faults/instances.test.ts does the same with three real processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { loadConfig } from '../../src/server/config';
import { JobRunner, LEASE_TICKS, takeLease, type Job } from '../../src/server/jobs';
import { openTestDb, testDatabases } from './helpers';

const EVERY = 60_000;
const T0 = Date.UTC(2026, 11, 2, 10, 0, 0);

describe.each(testDatabases())('job lease on $name', ({ url }) => {
  let db: Db;
  let release: () => Promise<void>;
  beforeAll(async () => {
    ({ db, release } = await openTestDb(url));
  });
  afterAll(async () => release());

  /** Three runners of one job on the shared database, a shared hand-moved clock and a run log. */
  function instances(name: string) {
    const clock = { now: T0 };
    const runs: Array<{ holder: string; at: number }> = [];
    const runners = ['a', 'b', 'c'].map((h) => {
      const job: Job = {
        name,
        everyMs: EVERY,
        run: async (now) => {
          runs.push({ holder: h, at: now.getTime() });
        },
      };
      const runner = new JobRunner({ db, jobs: [job], holder: h, now: () => clock.now });
      return { runner, job, holder: h };
    });
    /** Every runner ticks at `tickMs` at once; returns who ran. */
    const tick = async (tickMs: number, which = runners) => {
      const ran = await Promise.all(which.map((r) => r.runner.runTick(r.job, tickMs)));
      return which.filter((_, i) => ran[i]).map((r) => r.holder);
    };
    return { clock, runs, runners, tick };
  }

  it('runs each tick once across instances, by the holder, and records each run', async () => {
    const { clock, runs, tick } = instances('once');
    const ranBy: string[][] = [];
    for (let k = 0; k < 5; k++) {
      clock.now = T0 + k * EVERY + 3;
      ranBy.push(await tick(T0 + k * EVERY));
    }
    expect(ranBy.map((r) => r.length)).toEqual([1, 1, 1, 1, 1]);
    // The first taker keeps the job while it ticks.
    expect(new Set(ranBy.flat()).size).toBe(1);
    expect(runs).toHaveLength(5);
    // The same tick again (a late timer, a restart): nobody runs it.
    expect(await tick(T0 + 4 * EVERY)).toEqual([]);
    const logged = await db.selectFrom('job_runs').selectAll().where('job', '=', 'once').execute();
    expect(logged).toHaveLength(5);
    expect(new Set(logged.map((r) => r.tick)).size).toBe(5);
    for (const r of logged) {
      expect(r.finished_at).not.toBeNull();
      expect(r.error).toBeNull();
    }
  });

  it('hands the job over when the holder dies (lease expired) or stops cleanly', async () => {
    const { clock, runners, tick } = instances('handover');
    clock.now = T0;
    const [first] = await tick(T0);
    const others = runners.filter((r) => r.holder !== first);
    // The holder is gone: the others' ticks run nothing until its lease expires.
    let k = 1;
    for (; k * EVERY < LEASE_TICKS * EVERY; k++) {
      clock.now = T0 + k * EVERY;
      expect(await tick(T0 + k * EVERY, others)).toEqual([]);
    }
    clock.now = T0 + k * EVERY;
    const second = await tick(T0 + k * EVERY, others);
    expect(second).toHaveLength(1);
    // The old holder comes back: the new one keeps the lease.
    clock.now = T0 + ++k * EVERY;
    expect(await tick(T0 + k * EVERY)).toEqual(second);
    // A clean stop gives the lease up: another instance runs the very next tick.
    await runners.find((r) => r.holder === second[0])!.runner.stop();
    clock.now = T0 + ++k * EVERY;
    const third = await tick(T0 + k * EVERY);
    expect(third).toHaveLength(1);
    expect(third).not.toEqual(second);
  });

  it('lets exactly one of many racing instances take a new lease', async () => {
    const now = new Date(T0);
    const tick = now.toISOString();
    const taken = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        takeLease(db, { job: 'race', holder: `h${i}`, tick, now, ttlMs: EVERY }),
      ),
    );
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it('records a failed run with the error type, never its message, and keeps ticking', async () => {
    const clock = { now: T0 };
    const errors: string[] = [];
    let fail = true;
    const job: Job = {
      name: 'failing',
      everyMs: EVERY,
      run: async () => {
        if (fail) throw new TypeError('secret borrower B-0042');
      },
    };
    const runner = new JobRunner({
      db,
      jobs: [job],
      holder: 'solo',
      now: () => clock.now,
      onError: (name) => errors.push(name),
    });
    expect(await runner.runTick(job, T0)).toBe(true);
    fail = false;
    clock.now = T0 + EVERY;
    expect(await runner.runTick(job, T0 + EVERY)).toBe(true);
    const logged = await db
      .selectFrom('job_runs')
      .select(['tick', 'error'])
      .where('job', '=', 'failing')
      .orderBy('tick')
      .execute();
    expect(logged.map((r) => r.error)).toEqual(['TypeError', null]);
    expect(errors).toEqual(['failing']);
  });
});

describe('job intervals', () => {
  it('default to an hour and a minute, are read in seconds, and refuse nonsense', () => {
    expect(loadConfig({}).jobIntervalsMs).toEqual({ retention: 3_600_000, rollup: 60_000 });
    expect(
      loadConfig({ DIGITAFEL_RETENTION_INTERVAL: '2', DIGITAFEL_ROLLUP_INTERVAL: '0.5' }).jobIntervalsMs,
    ).toEqual({ retention: 2_000, rollup: 500 });
    for (const bad of ['0', '-1', 'soon', '0.01'])
      expect(() => loadConfig({ DIGITAFEL_ROLLUP_INTERVAL: bad })).toThrow(/DIGITAFEL_ROLLUP_INTERVAL/);
  });
});
