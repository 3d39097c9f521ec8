// Enrolment and reset links (issue 11, finding 16): in production the server refuses to start
// without DIGITAFEL_PUBLIC_URL, so a link never takes the request's Host header (which a client
// chooses); with it, links start with it whatever Host a request carries.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { startTestServer, testDatabases, type TestServer } from './helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('DIGITAFEL_PUBLIC_URL in production', () => {
  it('is required by the configuration, and checked', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DIGITAFEL_PUBLIC_URL is required/);
    expect(
      loadConfig({ NODE_ENV: 'production', DIGITAFEL_PUBLIC_URL: 'https://digi.example.be/' }).publicUrl,
    ).toBe('https://digi.example.be');
    for (const bad of ['digi.example.be', 'ftp://digi.example.be', 'javascript:alert(1)']) {
      expect(() => loadConfig({ DIGITAFEL_PUBLIC_URL: bad }), bad).toThrow(/DIGITAFEL_PUBLIC_URL/);
    }
    // Outside production (development, tests) the request's origin still serves.
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });

  it('stops the server from starting, with a message saying what to set', async () => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DIGITAFEL_PUBLIC_URL: '',
        PORT: '0',
        DATABASE_URL: `sqlite:${join(tmpdir(), `digitafel-public-url-${process.pid}.sqlite`)}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: tsx runs the server in a child process
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      // It exits; a server that started listening instead fails the test at once.
      const code = await new Promise<number | null>((resolve) => {
        child.once('exit', resolve);
        child.stdout.on('data', () => /listening/i.test(output) && resolve(-1));
      });
      expect(output).toMatch(/DIGITAFEL_PUBLIC_URL is required in production/);
      expect(code).not.toBe(0);
      expect(code).not.toBe(-1);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 60_000);
});

describe.each(testDatabases())('links with DIGITAFEL_PUBLIC_URL on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  it('start with it whatever Host the request carries, for enrolment and reset codes', async () => {
    const config = loadConfig({ NODE_ENV: 'production', DIGITAFEL_PUBLIC_URL: 'https://digi.example.be' });
    const app = await buildApp({ db: s.db, config: { ...s.config, publicUrl: config.publicUrl } });
    try {
      const post = (path: string, payload: unknown) =>
        app.inject({
          method: 'POST',
          url: `/api/v1${path}`,
          headers: { authorization: `Bearer ${s.coordinator.token}`, host: 'evil.example.com' },
          payload: payload as object,
        });
      const enrol = await post('/enrolment-codes', { name: 'Host test', role: 'volunteer' });
      expect(enrol.json().url).toMatch(/^https:\/\/digi\.example\.be\/#\/enrol\/[A-Za-z0-9_-]{22}$/);
      const reset = await post(`/users/${s.volunteer.user.id}/reset-codes`, {});
      expect(reset.json().url).toMatch(/^https:\/\/digi\.example\.be\/#\/reset\/[A-Za-z0-9_-]{22}$/);
    } finally {
      await app.close();
    }
  });
});
