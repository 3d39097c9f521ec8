// Several instances: three real server processes (tsx src/server/main.ts) start at once on one
// empty PostgreSQL schema behind a round-robin HTTP proxy written here (each request to the
// next instance, as a load balancer without sticky sessions would), with the periodic jobs
// ticking every second or two (DIGITAFEL_ROLLUP_INTERVAL, DIGITAFEL_RETENTION_INTERVAL).
// Twenty phones of two organisations (volunteers with two or three phones each, coordinators
// with two) save help requests and sync through the proxy; halfway, the instance holding the
// jobs' leases is killed (SIGKILL) and the phones go on through the other two. At the end:
// every record is on the server once with the content the phone made, every phone holds exactly
// what its user may see (a volunteer's own records from all their phones, a coordinator's
// whole organisation, nothing of the other one), every job tick ran once (never once per
// instance) and the jobs went on in another instance after the kill.
// RECORDS_PER_PHONE (default 20; SOAK=1: 100) sets the load.
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import {
  createServer,
  request,
  Agent,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { saveHelpRequest } from '../../src/local';
import { toInput } from '../../src/shared/records';
import { coordDb } from '../../src/server/coordinator/db';
import { createDb, type Db } from '../../src/server/db';
import { parseData } from '../../src/server/records/format';
import { testDatabases } from '../server/helpers';
import { helpDraft, phoneFor, type Phone } from '../unit/sync/helpers';
import { api, COORDINATOR_PASSWORD, login, seedOrg, VOLUNTEER_PASSWORD } from '../e2e/api';
import { TestServer } from '../e2e/server';

const SOAK = process.env.SOAK === '1';
const RECORDS_PER_PHONE = Number(process.env.RECORDS_PER_PHONE ?? (SOAK ? 100 : 20));
const INSTANCES = 3;
const ROLLUP_S = 1;
const RETENTION_S = 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = promisify(execFile);

const tmp = mkdtempSync(join(tmpdir(), 'digitafel-instances-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Waits until `check` holds, re-checking every 100 ms; fails after `backstopMs` (never the expected path). */
async function until(what: string, check: () => Promise<boolean> | boolean, backstopMs = 120_000) {
  const deadline = Date.now() + backstopMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(100);
  }
}

/** A round-robin HTTP proxy: each request goes to the next live instance (no stickiness). */
class RoundRobin {
  private next = 0;
  private readonly agent = new Agent({ keepAlive: true });
  readonly served = new Map<number, { push: number; pull: number; other: number }>();
  private readonly server: Server;
  private constructor(public live: number[]) {
    this.server = createServer((req, res) => this.forward(req, res));
    for (const p of live) this.served.set(p, { push: 0, pull: 0, other: 0 });
  }

  static async start(ports: number[]): Promise<RoundRobin> {
    const proxy = new RoundRobin([...ports]);
    await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', r));
    return proxy;
  }

  get url(): string {
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  private forward(req: IncomingMessage, res: ServerResponse) {
    const port = this.live[this.next++ % this.live.length]!;
    const kind = req.url?.startsWith('/api/v1/sync/push')
      ? 'push'
      : req.url?.startsWith('/api/v1/sync/pull')
        ? 'pull'
        : 'other';
    this.served.get(port)![kind]++;
    const upstream = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' },
        agent: this.agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  }

  async close(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

interface Person {
  email: string;
  userId: string;
  role: 'volunteer' | 'coordinator';
  org: string;
}

interface Device {
  phone: Phone;
  who: Person;
}

describe('three instances on one PostgreSQL behind a round-robin proxy', () => {
  it('loses and duplicates nothing, every phone pulls what it should see, each job tick runs once', async () => {
    const { url } = testDatabases().find((d) => d.name === 'postgres')!;
    const u = new URL(url);
    const schema = /search_path=([a-z0-9_]+)/.exec(u.searchParams.get('options') ?? '')![1]!;
    u.searchParams.delete('options');
    const admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`); // empty: the three instances migrate it at once
    const emptyStatic = mkdtempSync(join(tmp, 'static-'));
    const env = {
      DIGITAFEL_ROLLUP_INTERVAL: String(ROLLUP_S),
      DIGITAFEL_RETENTION_INTERVAL: String(RETENTION_S),
      DIGITAFEL_TRUST_PROXY: 'loopback',
    };
    const servers = await Promise.all(
      Array.from({ length: INSTANCES }, () =>
        TestServer.launch({ staticDir: emptyStatic, databaseUrl: url, env }),
      ),
    );
    const proxy = await RoundRobin.start(servers.map((s) => s.port));
    let db: Db | undefined;
    try {
      db = createDb(url);
      const base = proxy.url;

      // Two organisations: three volunteers and the coordinator each.
      const people: Person[] = [];
      for (const org of ['A', 'B']) {
        const seeded = await seedOrg(base);
        const coordinator = seeded.coordinator.session.user;
        people.push({ email: coordinator.email, userId: coordinator.id, role: 'coordinator', org });
        for (let v = 0; v < 3; v++) {
          const email = `volunteer-${org}${v}-${Date.now()}@instances.test`;
          const created = await api<{ user: { id: string } }>(base, '/users', {
            token: seeded.coordinator.session.token,
            body: { email, name: `Volunteer ${org}${v}`, password: VOLUNTEER_PASSWORD, role: 'volunteer' },
            expect: 201,
          });
          people.push({ email, userId: created.user.id, role: 'volunteer', org });
        }
      }
      const passwordOf = (p: Person) =>
        p.role === 'coordinator' ? COORDINATOR_PASSWORD : VOLUNTEER_PASSWORD;
      // Phones per person in each organisation: coordinator 2, volunteers 3, 3, 2 (20 in all).
      const phonesPer = [2, 3, 3, 2];
      const devices: Device[] = [];
      for (const [i, who] of people.entries()) {
        for (let k = 0; k < phonesPer[i % 4]!; k++) {
          const session = await login(base, who.email, passwordOf(who));
          devices.push({ phone: await phoneFor(session, base), who });
        }
      }
      expect(devices).toHaveLength(20);

      // Everyone saves and syncs through the proxy; halfway, the jobs' holder dies.
      const made = new Map<string, { record: Record<string, unknown>; who: Person }>();
      let failedSyncs = 0;
      const work = devices.map(async (d, n) => {
        for (let i = 0; i < RECORDS_PER_PHONE;) {
          const burst = Math.min(RECORDS_PER_PHONE - i, 1 + ((n + i) % 5));
          for (let k = 0; k < burst; k++, i++) {
            d.phone.use();
            const r = await saveHelpRequest(helpDraft({ note: `phone ${n} record ${i}` }));
            made.set(r.id, {
              record: toInput('help_requests', r as unknown as Record<string, unknown>),
              who: d.who,
            });
          }
          const report = await d.phone.engine.sync();
          if (!report.ok) failedSyncs++;
        }
        for (let round = 0; (await d.phone.db.outbox.count()) > 0; round++) {
          if (round > 50) throw new Error(`outbox of phone ${n} never emptied`);
          if (!(await d.phone.engine.sync()).ok) failedSyncs++;
        }
      });
      const total = devices.length * RECORDS_PER_PHONE;
      await until('half the records made', () => made.size >= total / 2);
      const holderBefore = await lastHolder(db, 'report_rollup');
      const leader = await serverOf(servers, holderBefore);
      proxy.live = proxy.live.filter((p) => p !== leader.port);
      await leader.kill();
      const killedAt = new Date().toISOString();
      await Promise.all(work);
      // Every outbox is empty: one more sync per phone pulls what the others pushed.
      for (const d of devices) expect((await d.phone.engine.sync()).ok).toBe(true);

      // The jobs went on in another instance, and the rollup caught up with every record
      // without any report being asked for.
      for (const job of ['report_rollup', 'retention']) {
        await until(`${job} run by another instance after the kill`, async () => {
          const after = await db!
            .selectFrom('job_runs')
            .select('holder')
            .where('job', '=', job)
            .where('started_at', '>', killedAt)
            .where('finished_at', 'is not', null)
            .execute();
          return after.some((r) => r.holder !== holderBefore);
        });
      }
      const orgIds = [
        ...new Set(
          (
            await db
              .selectFrom('users')
              .select('org_id')
              .where(
                'id',
                'in',
                people.map((p) => p.userId),
              )
              .execute()
          ).map((r) => r.org_id),
        ),
      ];
      await until('the rollup caught up with every help request', async () => {
        for (const orgId of orgIds) {
          const top = await db!
            .selectFrom('help_requests')
            .select((eb) => eb.fn.max('seq').as('seq'))
            .where('org_id', '=', orgId)
            .executeTakeFirst();
          const state = await coordDb(db!)
            .selectFrom('report_state')
            .select('help_seq')
            .where('org_id', '=', orgId)
            .executeTakeFirst();
          if (!state || Number(state.help_seq) !== Number(top?.seq)) return false;
        }
        return true;
      });

      // Server: every record once, as made.
      const rows = await db.selectFrom('help_requests').selectAll().where('org_id', 'in', orgIds).execute();
      const onServer = new Map(rows.map((r) => [r.id, r]));
      const lost = [...made.keys()].filter((id) => !onServer.has(id));
      const extra = rows.filter((r) => !made.has(r.id)).map((r) => r.id);
      const duplicated = rows.length - onServer.size + rows.filter((r) => Number(r.version) !== 1).length;
      const changed = rows
        .filter((r) => made.has(r.id) && !isDeepStrictEqual(parseData(r), made.get(r.id)!.record))
        .map((r) => r.id);

      // Phones: exactly what their user may see.
      const userOf = new Map(people.map((p) => [p.userId, p]));
      const createdBy = new Map(rows.map((r) => [r.id, userOf.get(r.created_by ?? '')]));
      const wrongOnPhones: string[] = [];
      for (const [n, d] of devices.entries()) {
        const held = new Set((await d.phone.db.help_requests.toArray()).map((r) => r.id));
        const should = rows
          .filter((r) => {
            const author = createdBy.get(r.id);
            return (
              author?.org === d.who.org && (d.who.role === 'coordinator' || author.userId === d.who.userId)
            );
          })
          .map((r) => r.id);
        const missing = should.filter((id) => !held.has(id));
        const unexpected = [...held].filter((id) => !should.includes(id));
        if (missing.length || unexpected.length)
          wrongOnPhones.push(
            `phone ${n} (${d.who.role} ${d.who.org}): ${missing.length} missing, ${unexpected.length} not theirs`,
          );
      }

      // Jobs: how many runs each tick had, over the whole test.
      const runs = await db.selectFrom('job_runs').select(['job', 'tick', 'holder', 'error']).execute();
      const perTick = new Map<string, number>();
      for (const r of runs) perTick.set(`${r.job} ${r.tick}`, (perTick.get(`${r.job} ${r.tick}`) ?? 0) + 1);
      const ranTwice = [...perTick].filter(([, n]) => n > 1).map(([k, n]) => `${k}: ${n} runs`);
      const ticks = (job: string) => new Set(runs.filter((r) => r.job === job).map((r) => r.tick)).size;
      const holders = new Set(runs.map((r) => r.holder));

      const served = [...proxy.served].map(
        ([p, c]) => `${p}: ${c.push} push, ${c.pull} pull, ${c.other} other`,
      );
      console.log(
        [
          `instances: ${INSTANCES} on PostgreSQL behind a round-robin proxy (${served.join('; ')})`,
          `  phones ${devices.length}, records made ${made.size}, on server ${rows.length}, lost ${lost.length}, ` +
            `duplicated ${duplicated}, unexpected ${extra.length}, content differs ${changed.length}, failed syncs ${failedSyncs}`,
          `  phones holding the wrong set ${wrongOnPhones.length}`,
          `  job runs ${runs.length} over ${ticks('report_rollup')} rollup and ${ticks('retention')} retention ticks, ` +
            `ticks run more than once ${ranTwice.length}, holders ${holders.size}, failed runs ${runs.filter((r) => r.error).length}`,
        ].join('\n'),
      );

      expect(made.size).toBe(total);
      expect(lost).toEqual([]);
      expect(extra).toEqual([]);
      expect(duplicated).toBe(0);
      expect(changed).toEqual([]);
      expect(wrongOnPhones).toEqual([]);
      // Every instance served pushes and pulls (the proxy really spread the phones).
      for (const [, c] of proxy.served) expect(Math.min(c.push, c.pull)).toBeGreaterThan(0);
      expect(ranTwice).toEqual([]);
      expect(ticks('report_rollup')).toBeGreaterThanOrEqual(3);
      expect(ticks('retention')).toBeGreaterThanOrEqual(2);
      expect(runs.filter((r) => r.error)).toEqual([]);
    } finally {
      await proxy.close();
      await Promise.all(servers.map((s) => s.dispose()));
      await db?.destroy();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }, 600_000);
});

/** The instance that ran `job` last (read from job_runs, so that without a lease it still names one). */
async function lastHolder(db: Db, job: string): Promise<string> {
  let holder = '';
  await until(`a run of ${job}`, async () => {
    const row = await db
      .selectFrom('job_runs')
      .select('holder')
      .where('job', '=', job)
      .orderBy('started_at', 'desc')
      .executeTakeFirst();
    holder = row?.holder ?? '';
    return holder !== '';
  });
  return holder;
}

/** The test server whose process group holds the process named in `holder` (host:pid:random). */
async function serverOf(servers: TestServer[], holder: string): Promise<TestServer> {
  const pid = holder.split(':').at(-2);
  for (const s of servers) {
    if (!s.pgid) continue;
    const { stdout } = await run('ps', ['-o', 'pid=', '-g', String(s.pgid)]);
    if (stdout.split(/\s+/).includes(pid ?? '')) return s;
  }
  throw new Error(`no server runs ${holder}`);
}
