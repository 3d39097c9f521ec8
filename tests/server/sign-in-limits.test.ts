// Sign-in and enrolment limits (issue 11, findings 4, 5 and 11), on SQLite and PostgreSQL:
// attempts are counted before the password check (a burst of concurrent guesses gets exactly
// the limit of answers), in the database (two instances share the count), per account and per
// address; the address is the one the trusted proxies saw, not one the client wrote into
// X-Forwarded-For; and enrolment codes are counted per code prefix as well as per address, so
// one person's typos on a shared Wi-Fi do not lock out every phone there.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { LIMITS } from '../../src/server/http/attempts';
import { startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';
import { expectApiError } from './routes';

let n = 0;
/** A fresh client address per test, so tests do not share counts or the flood guard. */
const address = () => `192.0.2.${++n}`;

function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
  opts: { from?: string; forwardedFor?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: opts.from ?? '127.0.0.1',
    headers: opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {},
  });
}

function enrol(app: FastifyInstance, code: string, from: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/enrol',
    payload: { code },
    remoteAddress: from,
  });
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, st) => ({ ...acc, [st]: (acc[st] ?? 0) + 1 }), {});

describe.each(testDatabases())('sign-in limits on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  it('counts a burst of concurrent wrong passwords before checking them: exactly the limit get 401', async () => {
    const from = address();
    const email = s.volunteer.user.email;
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(s.app, email, `wrong password ${i}`, { from })),
    );
    expect(tally(burst.map((r) => r.statusCode))).toEqual({ 401: LIMITS.accountAddress, 429: 20 });
    for (const r of burst.filter((r) => r.statusCode === 429)) {
      expectApiError(r, 429);
      expect(r.json().error.code).toBe('too_many_attempts');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The right password from that address is refused too, until the window ends.
    expect((await signIn(s.app, email, TEST_PASSWORD, { from })).statusCode).toBe(429);
  });

  it('shares the count between instances on one database', async () => {
    const second = await buildApp({ db: s.db, config: s.config });
    try {
      const from = address();
      const email = s.coordinator.user.email;
      const statuses: number[] = [];
      for (let i = 0; i < LIMITS.accountAddress; i++) {
        const app = i % 2 === 0 ? s.app : second;
        statuses.push((await signIn(app, email, `wrong ${i} password`, { from })).statusCode);
      }
      expect(statuses.every((st) => st === 401)).toBe(true);
      expect((await signIn(s.app, email, TEST_PASSWORD, { from })).statusCode).toBe(429);
      expect((await signIn(second, email, TEST_PASSWORD, { from })).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('gives a successful sign-in its count back, so a busy shared address is not locked out', async () => {
    const from = address();
    for (let i = 0; i < LIMITS.address + 5; i++) {
      expect((await signIn(s.app, s.admin.user.email, TEST_PASSWORD, { from })).statusCode).toBe(200);
    }
  }, 120_000);

  it('caps failures per address across accounts', async () => {
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.address; i++) {
      statuses.push(
        (await signIn(s.app, `nobody-${i}@example.org`, 'not the password', { from })).statusCode,
      );
    }
    expect(statuses.slice(0, LIMITS.address).every((st) => st === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    expect((await signIn(s.app, s.admin.user.email, TEST_PASSWORD, { from: address() })).statusCode).toBe(
      200,
    );
  }, 120_000);

  it('caps failures per account across addresses: guessing spread over many addresses stops too', async () => {
    const made = await s.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${s.coordinator.token}` },
      payload: {
        email: `spread-${n}@example.org`,
        name: 'Spread',
        password: TEST_PASSWORD,
        role: 'volunteer',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const email: string = made.json().user.email;
    // Each address stays under its own limits (account from that address, and the address).
    const perAddress = LIMITS.accountAddress - 1;
    const addresses = Array.from({ length: Math.ceil(LIMITS.account / perAddress) + 1 }, address);
    const statuses: number[] = [];
    for (const from of addresses) {
      for (let i = 0; i < perAddress; i++) {
        statuses.push(
          (await signIn(s.app, email, `guess ${statuses.length} from afar`, { from })).statusCode,
        );
      }
    }
    expect(statuses.length).toBeGreaterThan(LIMITS.account);
    expect(tally(statuses.slice(0, LIMITS.account))).toEqual({ 401: LIMITS.account });
    expect(tally(statuses.slice(LIMITS.account))).toEqual({ 429: statuses.length - LIMITS.account });
    // The account is closed to guesses from everywhere, even with its right password, until
    // the window ends; other accounts at those addresses are not.
    expect((await signIn(s.app, email, TEST_PASSWORD, { from: address() })).statusCode).toBe(429);
    expect((await signIn(s.app, s.admin.user.email, TEST_PASSWORD, { from: addresses[0] })).statusCode).toBe(
      200,
    );
  }, 300_000);

  it('caps each enrolment and reset code prefix across addresses', async () => {
    for (const kind of ['enrol', 'reset'] as const) {
      const url = kind === 'enrol' ? '/api/v1/auth/enrol' : '/api/v1/auth/reset';
      const prefix = kind === 'enrol' ? 'Xq9w' : 'Wq8x';
      const tryCode = (code: string, from: string) =>
        s.app.inject({
          method: 'POST',
          url,
          payload: kind === 'enrol' ? { code } : { code, newPassword: 'lindeboom kapstok vijver 7' },
          remoteAddress: from,
        });
      // Each address stays under its own limits (that prefix from that address, and the address).
      const perAddress = LIMITS.codeAddress - 1;
      const addresses = Array.from({ length: Math.ceil(LIMITS.code / perAddress) + 1 }, address);
      const statuses: number[] = [];
      for (const from of addresses) {
        for (let i = 0; i < perAddress; i++) {
          statuses.push((await tryCode(`${prefix}-guess-${statuses.length}-xxxxxxxx`, from)).statusCode);
        }
      }
      expect(statuses.length, kind).toBeGreaterThan(LIMITS.code);
      expect(tally(statuses.slice(0, LIMITS.code)), kind).toEqual({ 401: LIMITS.code });
      expect(tally(statuses.slice(LIMITS.code)), kind).toEqual({ 429: statuses.length - LIMITS.code });
      // That prefix is closed from a new address; another prefix from there is still checked.
      const fresh = address();
      expect((await tryCode(`${prefix}-one-more-xxxxxxxx`, fresh)).statusCode, kind).toBe(429);
      expect((await tryCode('Pp3r-other-prefix-xxxxxxxx', fresh)).statusCode, kind).toBe(401);
    }
  }, 120_000);

  it('counts enrolment codes per prefix and address: one person’s typos do not block the Wi-Fi', async () => {
    const wifi = address();
    const made = await s.app.inject({
      method: 'POST',
      url: '/api/v1/enrolment-codes',
      headers: { authorization: `Bearer ${s.coordinator.token}` },
      payload: { name: 'Neighbour', role: 'volunteer' },
    });
    const good: string = made.json().code;
    // Someone on the Wi-Fi mistypes one code over and over (same first characters).
    const typo = good.startsWith('Zz') ? 'Yy' : 'Zz';
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.codeAddress; i++) {
      statuses.push((await enrol(s.app, `${typo}qq-${i}-mistyped-code`, wifi)).statusCode);
    }
    expect(statuses).toEqual([...Array<number>(LIMITS.codeAddress).fill(401), 429]);
    // Another phone on the same Wi-Fi enrols with its own code.
    const other = await enrol(s.app, good, wifi);
    expect(other.statusCode, other.body).toBe(200);
  });

  it('caps enrolment failures per address over all prefixes', async () => {
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.address; i++) {
      statuses.push(
        (await enrol(s.app, `${String(i).padStart(4, '0')}-guess-xxxxxxxxxxxx`, from)).statusCode,
      );
    }
    expect(statuses.slice(0, LIMITS.address).every((st) => st === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  }, 120_000);
});

describe.each(testDatabases())('DIGITAFEL_TRUST_PROXY on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  /** An app with DIGITAFEL_TRUST_PROXY=`value` and a route answering the client address it sees. */
  async function appTrusting(value: string): Promise<FastifyInstance> {
    const config = { ...s.config, trustProxy: loadConfig({ DIGITAFEL_TRUST_PROXY: value }).trustProxy };
    const app = await buildApp({ db: s.db, config });
    app.get('/test/ip', (request) => ({ ip: request.ip }));
    return app;
  }
  const ipSeen = async (app: FastifyInstance, from: string, forwardedFor?: string) =>
    (
      await app.inject({
        method: 'GET',
        url: '/test/ip',
        remoteAddress: from,
        ...(forwardedFor && { headers: { 'x-forwarded-for': forwardedFor } }),
      })
    ).json().ip;

  it('with a hop count, a client cannot choose its address to skip the sign-in limit', async () => {
    const app = await appTrusting('1');
    try {
      // The load balancer (127.0.0.1) appends the address it saw; the client wrote the rest.
      const real = address();
      const statuses: number[] = [];
      for (let i = 0; i <= LIMITS.accountAddress; i++) {
        const spoofed = `203.0.113.${i + 1}`;
        const res = await signIn(app, s.volunteer.user.email, `wrong ${i} password`, {
          forwardedFor: `${spoofed}, ${real}`,
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.at(-1)).toBe(429);
      expect(await ipSeen(app, '127.0.0.1', `203.0.113.9, ${real}`)).toBe(real);
    } finally {
      await app.close();
    }
  });

  it('with two hops, the client is the address the outer proxy saw', async () => {
    const app = await appTrusting('2');
    try {
      expect(await ipSeen(app, '10.0.0.2', '203.0.113.9, 198.51.100.4, 10.0.0.1')).toBe('198.51.100.4');
    } finally {
      await app.close();
    }
  });

  it('with a CIDR list, only those proxies’ headers are believed', async () => {
    const app = await appTrusting('10.0.0.0/8, 127.0.0.1');
    try {
      expect(await ipSeen(app, '10.1.2.3', '203.0.113.9, 198.51.100.4')).toBe('198.51.100.4');
      // A client reaching the server directly cannot pretend to be behind the proxy.
      expect(await ipSeen(app, '198.51.100.77', '203.0.113.9')).toBe('198.51.100.77');
    } finally {
      await app.close();
    }
  });

  it('trusts no header when unset', async () => {
    const app = await appTrusting('');
    try {
      expect(await ipSeen(app, '198.51.100.5', '203.0.113.9')).toBe('198.51.100.5');
    } finally {
      await app.close();
    }
  });
});

describe('DIGITAFEL_TRUST_PROXY values', () => {
  it('takes a hop count or an address/CIDR list, never "trust everything"', () => {
    const tp = (v: string) => loadConfig({ DIGITAFEL_TRUST_PROXY: v }).trustProxy;
    expect(tp('')).toBe(false);
    expect(tp('0')).toBe(false);
    expect(tp('1')).toBe(1);
    expect(tp('3')).toBe(3);
    expect(tp('10.0.0.0/8, 192.168.1.10,fd00::/8')).toEqual(['10.0.0.0/8', '192.168.1.10', 'fd00::/8']);
    expect(tp('loopback')).toEqual(['loopback']);
    for (const bad of ['true', 'yes', '10.0.0.0/33', '10.0.0/8', '1.2.3.4/8/8', 'example.org', '-1']) {
      expect(() => tp(bad), bad).toThrow(/DIGITAFEL_TRUST_PROXY/);
    }
  });
});
