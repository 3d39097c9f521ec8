// Static serving of the built app: no-cache shell and worker, immutable hashed assets, a real
// 404 for a missing asset, the app shell for navigations.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

describe('static serving', () => {
  let s: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digitafel-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Digitafel</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    s = await startTestServer({ staticDir: dir });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, accept = '*/*') => fetch(`${s.url}${url}`, { headers: { accept } });

  it('serves index.html and sw.js with no-cache, hashed assets immutable', async () => {
    for (const path of ['/', '/index.html', '/sw.js']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    const asset = await get('/assets/index-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('answers a missing asset with a real 404, never the app shell', async () => {
    for (const path of ['/assets/index-gone.js', '/missing.png', '/assets/nothing']) {
      const res = await get(path, 'text/html');
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('<title>Digitafel');
    }
    const api = await get('/api/v1/unknown', 'text/html');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });

  it('answers a navigation to an app route with index.html', async () => {
    const res = await get('/help/new', 'text/html,application/xhtml+xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Digitafel');
    expect((await get('/help/new', 'application/json')).status).toBe(404);
  });
});
