// `npx tsx tests/bench/push-profile.ts [sqlite|postgres] [outDir]`: where the server's time goes
// in a push, less sensitive to a busy machine than the wall-clock bench. In one process: a
// test server with 100,000 stored help requests (seed.ts), 10,000 time-ordered and then 10,000
// backfilled help requests pushed through app.inject (bodies prepared before the clock starts)
// in batches of MAX_MUTATIONS_PER_PUSH, each case 3 times. Prints wall time, this process's CPU
// time per case (median of 3) and writes a V8 CPU profile of each case's last run to outDir.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { MAX_MUTATIONS_PER_PUSH, SCHEMA_VERSION, type PushResponse } from '../../src/shared/sync-protocol';
import { login, startTestServer, testDatabases } from '../server/helpers';
import { helpRequests, helpRequestsAfter, helpRequestsInOrder, upserts } from './records';
import { seedHelpRequests } from './seed';

const only = process.argv[2];
const outDir = process.argv[3] ?? '/tmp';
const N = 10_000;
const DAY = 86_400_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const target of testDatabases().filter((d) => !only || d.name === only)) {
  const server = await startTestServer({ dbUrl: target.url });
  const end = Date.now() - 30 * DAY;
  await seedHelpRequests(
    {
      db: server.db,
      dbUrl: target.url,
      orgId: server.orgId,
      userId: server.volunteer.user.id,
      deviceId: server.volunteer.deviceId,
    },
    helpRequestsInOrder(100_000, 52, end, 10_000, 3),
  );
  const device = await login(server.app, server.volunteer.user.email);
  let next = 1;
  let clock = end + DAY;
  const bodies = (records: ReturnType<typeof helpRequests>) => {
    const ms = upserts(records, next);
    next += records.length;
    const out: string[] = [];
    for (let i = 0; i < ms.length; i += MAX_MUTATIONS_PER_PUSH) {
      const mutations = ms.slice(i, i + MAX_MUTATIONS_PER_PUSH);
      out.push(JSON.stringify({ deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, mutations }));
    }
    return out;
  };
  const send = async (payload: string) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      payload,
    });
    if (res.statusCode !== 200) throw new Error(`push ${res.statusCode} ${res.body}`);
    const body = res.json<PushResponse>();
    if (body.results.some((r) => r.status !== 'applied')) throw new Error('not applied');
  };
  for (const b of bodies(helpRequestsAfter(50, clock, DAY, 5))) await send(b);
  clock += DAY;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  const cases: Array<[string, (rep: number) => string[]]> = [
    [
      'time-ordered',
      (rep) => {
        const r = helpRequestsAfter(N, clock, 2 * DAY, 100 + rep);
        clock += 2 * DAY;
        return bodies(r);
      },
    ],
    ['backfill', (rep) => bodies(helpRequests(N, { seed: 200 + rep, spanDays: 364, end }))],
  ];
  for (const [name, make] of cases) {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const payloads = make(rep);
      if (rep === 2) await session.post('Profiler.start');
      const cpu = process.cpuUsage();
      const t = performance.now();
      for (const p of payloads) await send(p);
      walls.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
      if (rep === 2) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(`${outDir}/push-${target.name}-${name}.cpuprofile`, JSON.stringify(profile));
      }
    }
    console.log(
      `${target.name} ${name}: ${(N / (median(walls) / 1000)).toFixed(0)} rec/s wall (${walls.map((w) => w.toFixed(0)).join(' ')} ms), CPU ${median(cpus).toFixed(0)} ms per ${N} (${cpus.map((c) => c.toFixed(0)).join(' ')})`,
    );
  }
  session.disconnect();
  await server.close();
}
