// The server under benchmark in its own process, so its memory (RSS) is the server's alone:
// a seeded test server (tests/server/helpers.ts) on the database given as argv[2], with
// argv[3] extra enrolled volunteer devices and argv[4] help requests stored before it starts
// (default 0: in time order over the 52 weeks before `seedEnd`, straight into the database,
// see seed.ts). It prints one JSON line {url, coordinator, devices, seedEnd}, then answers line
// commands on stdin: `peak` -> {rss, peak} (MB, peak since the last `peak`), `rows` -> {rows}
// (help requests stored), `close` -> closes the server and exits.
import { createInterface } from 'node:readline';
import { login, startTestServer } from '../server/helpers';
import { helpRequestsInOrder } from './records';
import { seedHelpRequests } from './seed';

const dbUrl = process.argv[2];
const devices = Number(process.argv[3] ?? '1');
const stored = Number(process.argv[4] ?? '0');
if (!dbUrl) throw new Error('usage: server-child.ts DB_URL DEVICES [STORED]');

const server = await startTestServer({ dbUrl });
const sessions = [];
for (let i = 0; i < devices; i++) sessions.push(await login(server.app, server.volunteer.user.email));
const seedEnd = Date.now() - 30 * 86_400_000;
if (stored > 0) {
  await seedHelpRequests(
    {
      db: server.db,
      dbUrl,
      orgId: server.orgId,
      userId: server.volunteer.user.id,
      deviceId: server.volunteer.deviceId,
    },
    helpRequestsInOrder(stored, 52, seedEnd, 10_000, 3),
  );
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

process.stdout.write(
  `${JSON.stringify({
    url: server.url,
    coordinator: server.coordinator,
    devices: sessions.map((s) => ({ token: s.token, deviceId: s.deviceId })),
    seedEnd,
  })}\n`,
);

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'peak') {
    const rss = process.memoryUsage().rss;
    process.stdout.write(`${JSON.stringify({ rss: mb(rss), peak: mb(Math.max(peak, rss)) })}\n`);
    peak = rss;
  } else if (line === 'rows') {
    const r = await server.db
      .selectFrom('help_requests')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    process.stdout.write(`${JSON.stringify({ rows: Number(r.n) })}\n`);
  } else if (line === 'close') {
    break;
  }
}
clearInterval(timer);
await server.close();
process.exit(0);
