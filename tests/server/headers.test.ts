// Security headers on everything the server sends: the app shell, its assets and worker, the
// navigation fallback, a missing file, and API answers of every kind (2xx, 4xx from handlers,
// from the body parser, from the router, from the rate limiter). API answers are never cached.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testDatabases, type TestServer } from './helpers';

describe('security headers', () => {
  let s: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digitafel-headers-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Digitafel</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    s = await startTestServer({ staticDir: dir });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function expectSecure(res: Response, what: string): void {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("object-src 'none'");
    expect(csp, what).not.toContain("'unsafe-inline'");
    expect(csp, what).not.toContain("'unsafe-eval'");
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('x-frame-options'), what).toBe('DENY');
    expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(res.headers.get('x-powered-by'), what).toBeNull();
  }

  const fetchPath = (path: string, init: RequestInit = {}) => fetch(`${s.url}${path}`, init);
  const auth = () => ({ authorization: `Bearer ${s.coordinator.token}` });

  it('on the app: shell, worker, manifest, hashed assets, navigations and missing files', async () => {
    const cases: Array<[string, Record<string, string>, number, string | RegExp]> = [
      ['/', {}, 200, 'no-cache'],
      ['/index.html', {}, 200, 'no-cache'],
      ['/sw.js', {}, 200, 'no-cache'],
      ['/manifest.webmanifest', {}, 200, 'no-cache'],
      ['/assets/index-AbC123.js', {}, 200, /immutable/],
      ['/review/inbox', { accept: 'text/html' }, 200, 'no-cache'],
      ['/assets/gone.js', { accept: 'text/html' }, 404, ''],
    ];
    for (const [path, headers, status, cache] of cases) {
      const res = await fetchPath(path, { headers });
      expect(res.status, path).toBe(status);
      expectSecure(res, path);
      if (cache) expect(res.headers.get('cache-control') ?? '', path).toMatch(cache);
    }
    // The worker must never be cached for long, or an update could not reach the phones.
    const sw = await fetchPath('/sw.js');
    expect(sw.headers.get('cache-control')).not.toMatch(/max-age=[1-9]|immutable/);
  });

  it('on API answers of every kind, none of them cacheable', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: Array<[string, RequestInit, number]> = [
      ['/api/v1/me', { headers: auth() }, 200],
      ['/api/v1/export/help_requests.csv', { headers: auth() }, 200],
      ['/api/v1/me', {}, 401],
      ['/api/v1/orgs', { method: 'POST', headers: { ...auth(), ...json }, body: '{}' }, 403],
      ['/api/v1/users', { method: 'POST', headers: { ...auth(), ...json }, body: '{"a":1}' }, 400],
      ['/api/v1/users', { method: 'POST', headers: { ...auth(), ...json }, body: '{nope' }, 400],
      [
        '/api/v1/users',
        { method: 'POST', headers: { ...auth(), 'content-type': 'text/plain' }, body: 'x' },
        415,
      ],
      [
        '/api/v1/users',
        {
          method: 'POST',
          headers: { ...auth(), ...json },
          body: JSON.stringify({ a: 'x'.repeat(1_100_000) }),
        },
        413,
      ],
      [`/api/v1/records/help_requests/${'0'.repeat(36)}`, { headers: auth() }, 400],
      ['/api/v1/nothing', { headers: { accept: 'text/html' } }, 404],
      [
        `/api/v1/records/${'x'.repeat(1000)}/review`,
        { method: 'POST', headers: { ...auth(), ...json }, body: '{}' },
        414,
      ],
      ['/api/v1/borrowers/%E0%A4%A/export', { headers: auth() }, 400],
    ];
    for (const [path, init, status] of cases) {
      const res = await fetchPath(path, init);
      const what = `${init.method ?? 'GET'} ${path.slice(0, 60)}`;
      expect(res.status, what).toBe(status);
      expectSecure(res, what);
      expect(res.headers.get('cache-control'), what).toBe('no-store');
      if (status >= 400) expect((await res.json()).error.code, what).toMatch(/^[a-z_]+$/);
    }
  });

  it('on 429 answers of the sign-in flood guard', async () => {
    let res: Response | undefined;
    for (let i = 0; i < 101; i++) {
      res = await fetchPath('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `h-${i}@example.org`, password: 'x' }),
      });
      if (res.status === 429) break;
    }
    expect(res!.status).toBe(429);
    expectSecure(res!, '429');
    expect(res!.headers.get('cache-control')).toBe('no-store');
    expect(Number(res!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe.each(testDatabases())('no-store by route on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  it('on API answers whatever the spelling of their URL (decided by the route)', async () => {
    // The same routes through percent-encoded letters, doubled slashes and case: whatever the
    // router still takes for an API route must answer no-store.
    const spellings = [
      '/%61pi/v1/records/borrowers',
      '/%61%70%69/v1/records/borrowers',
      '/api/%761/records/borrowers',
      '/api/v1/%72ecords/borrowers',
      '/api/v1/records/%62orrowers',
      '/%61pi/v1/me',
      '/%61pi/v1/export/help_requests.csv',
      '/%61pi/v1/borrowers/B-1/export',
    ];
    let reached = 0;
    for (const path of spellings) {
      const res = await fetch(`${s.url}${path}`, {
        headers: { authorization: `Bearer ${s.coordinator.token}` },
      });
      if (res.status === 200) reached++;
      expect(res.headers.get('cache-control'), `${path} -> ${res.status}`).toBe('no-store');
    }
    // The spellings do reach the API (else this test would prove nothing).
    expect(reached).toBeGreaterThanOrEqual(3);
  });
});
