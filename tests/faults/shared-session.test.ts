// Shared sessions through network faults (issue 14 part 4): one phone opens a session, three
// colleagues' phones join it, and all four tap the session's counters (+1, and now and then -1)
// in bursts, syncing after each burst through the fault-injecting proxy (dropped requests,
// answers swallowed after the server applied them, cut-off answers, delays, 502s). When every
// outbox is empty, no tap may be lost or counted twice: the server holds, for each phone, exactly
// what that phone counted, the coordinator's totals are the sum of every tap, and every phone
// shows that same sum after a last pull.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bumpPermanenceCounter,
  bumpSessionCounter,
  getCurrentSession,
  joinSession,
  startPermanence,
} from '../../src/local';
import { SESSION_COUNTERS, type SessionCounter } from '../../src/shared/records';
import { sessionTotals, type SessionTotals } from '../../src/shared/sessions';
import { sessionOf } from '../../src/server/coordinator/sessions';
import { parseData } from '../../src/server/records/format';
import { api, startTestServer, TEST_PASSWORD, type TestServer } from '../server/helpers';
import { newPhone, type Phone } from '../unit/sync/helpers';
import { FaultProxy, seededRandom } from '../support/fault-proxy';

const TAPS = Number(process.env.FAULT_TAPS ?? 200); // per phone
const MIN_FAULTS = Number(process.env.FAULT_MIN ?? 40);
const JOINERS = 3;
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);

interface Device {
  phone: Phone;
  /** This phone's record in the session: the permanence (opener) or its member record. */
  recordId: string;
  opener: boolean;
  /** What this phone counted, tap by tap (a -1 never goes below 0, as on the phone). */
  counted: SessionTotals;
}

let server: TestServer;
let proxy: FaultProxy;
const random = seededRandom(SEED);

const zero = (): SessionTotals => Object.fromEntries(SESSION_COUNTERS.map((c) => [c, 0])) as SessionTotals;

beforeAll(async () => {
  server = await startTestServer();
  const target = new URL(server.url);
  proxy = await FaultProxy.start({
    target: { host: target.hostname, port: Number(target.port) },
    rate: 0.4,
    random,
  });
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

/** A new volunteer of the test organisation with a phone that talks through the proxy. */
async function volunteerPhone(n: number): Promise<Phone> {
  const email = `session-faults-${n}-${SEED}@example.org`;
  const res = await api(server.app, server.coordinator.token, 'POST', '/users', {
    email,
    name: `Counter ${n}`,
    password: TEST_PASSWORD,
    role: 'volunteer',
  });
  expect(res.statusCode).toBe(201);
  return newPhone(server, { email }, undefined, proxy.url);
}

/** Syncs until the outbox is empty (a failed sync is expected; the next one retries). */
async function drain(d: Device, limit: number): Promise<void> {
  for (let i = 0; (await d.phone.db.outbox.count()) > 0; i++) {
    if (i > limit) throw new Error(`outbox of ${d.phone.session.deviceId} never emptied`);
    await d.phone.engine.sync();
  }
}

/** One tap on the device: mostly +1, sometimes -1 (the phone does not go below 0). */
async function tapOnce(d: Device): Promise<void> {
  const counter = SESSION_COUNTERS[Math.floor(random() * SESSION_COUNTERS.length)] as SessionCounter;
  const delta: 1 | -1 = random() < 0.15 ? -1 : 1;
  d.phone.use(); // binds synchronously: the repository call reads the active db before awaiting
  const done = d.opener
    ? bumpPermanenceCounter(d.recordId, counter, delta)
    : bumpSessionCounter(d.recordId, counter, delta);
  await done;
  d.counted[counter] = Math.max(0, d.counted[counter] + delta);
}

/** Taps `quota` times in small bursts, syncing after each, then syncs until the outbox is empty. */
async function runDevice(d: Device, quota: number): Promise<void> {
  let made = 0;
  while (made < quota) {
    const burst = Math.min(quota - made, 1 + Math.floor(random() * 10));
    for (let k = 0; k < burst; k++, made++) await tapOnce(d);
    await d.phone.engine.sync();
  }
  await drain(d, quota * 4);
}

describe('shared session through network faults', () => {
  it(`keeps every one of ${TAPS * (JOINERS + 1)} taps on ${JOINERS + 1} phones exactly once through >= ${MIN_FAULTS} faults`, async () => {
    // Set up one phone at a time (each repository call binds the active database).
    const openerPhone = await newPhone(server, 'volunteer', undefined, proxy.url);
    openerPhone.use();
    const permanence = await startPermanence({ kind: 'door_to_door', locationId: null });
    const opener: Device = { phone: openerPhone, recordId: permanence.id, opener: true, counted: zero() };
    await drain(opener, 200);
    const devices = [opener];
    for (let n = 0; n < JOINERS; n++) {
      const phone = await volunteerPhone(n);
      phone.use();
      const member = await joinSession(permanence.id);
      devices.push({ phone, recordId: member.id, opener: false, counted: zero() });
    }

    await Promise.all(devices.map((d) => runDevice(d, TAPS)));

    const expected = zero();
    for (const d of devices) for (const c of SESSION_COUNTERS) expected[c] += d.counted[c];

    // The server: each phone's own record holds exactly what that phone counted.
    const permanenceRow = await server.db
      .selectFrom('permanences')
      .selectAll()
      .where('org_id', '=', server.orgId)
      .where('id', '=', permanence.id)
      .executeTakeFirstOrThrow();
    const memberRows = await server.db
      .selectFrom('session_members')
      .selectAll()
      .where('org_id', '=', server.orgId)
      .where('permanence_id', '=', permanence.id)
      .execute();
    const onServer = new Map(memberRows.map((r) => [r.id, parseData(r)]));
    const pick = (data: Record<string, unknown>) =>
      Object.fromEntries(SESSION_COUNTERS.map((c) => [c, Number(data[c] ?? 0)]));
    expect(pick(parseData(permanenceRow))).toEqual(opener.counted);
    expect(memberRows).toHaveLength(JOINERS);
    for (const d of devices.slice(1)) expect(pick(onServer.get(d.recordId) ?? {})).toEqual(d.counted);

    // The coordinator's totals are the sum of every tap.
    const session = await sessionOf(server.db, server.orgId, parseData(permanenceRow));
    expect(session.totals).toEqual(expected);

    // Every phone shows the same sum once it pulled the others' counts.
    proxy.enabled = false;
    for (const d of devices) {
      await d.phone.engine.sync();
      const current = await getCurrentSession(d.phone.db);
      expect(current?.permanenceId).toBe(permanence.id);
      expect(sessionTotals(current?.permanence, current?.members ?? [])).toEqual(expected);
    }

    console.log(
      `shared session faults (seed ${SEED}): ${proxy.summary()}\n` +
        `  taps ${TAPS * devices.length}, totals ${JSON.stringify(expected)}`,
    );
    expect(proxy.counts.faults).toBeGreaterThanOrEqual(MIN_FAULTS);
  }, 240_000);
});
