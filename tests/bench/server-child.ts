// The server under benchmark in its own process, so its memory (RSS) is the server's alone:
// a seeded test server (tests/server/helpers.ts) on the database given as argv[2], with
// argv[3] extra enrolled volunteer devices. It prints one JSON line {url, coordinator,
// devices}, then answers line commands on stdin: `peak` -> {rss, peak} (MB, peak since the
// last `peak`), `close` -> closes the server and exits.
import { createInterface } from 'node:readline';
import { login, startTestServer } from '../server/helpers';

const dbUrl = process.argv[2];
const devices = Number(process.argv[3] ?? '1');
if (!dbUrl) throw new Error('usage: server-child.ts DB_URL DEVICES');

const server = await startTestServer({ dbUrl });
const sessions = [];
for (let i = 0; i < devices; i++) sessions.push(await login(server.app, server.volunteer.user.email));

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

process.stdout.write(
  `${JSON.stringify({
    url: server.url,
    coordinator: server.coordinator,
    devices: sessions.map((s) => ({ token: s.token, deviceId: s.deviceId })),
  })}\n`,
);

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'peak') {
    const rss = process.memoryUsage().rss;
    process.stdout.write(`${JSON.stringify({ rss: mb(rss), peak: mb(Math.max(peak, rss)) })}\n`);
    peak = rss;
  } else if (line === 'close') {
    break;
  }
}
clearInterval(timer);
await server.close();
process.exit(0);
