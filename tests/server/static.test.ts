// Static serving of the built app: no-cache shell and worker, immutable hashed assets, a real
// 404 for a missing asset, the app shell for navigations; the build's brotli / gzip variants
// for a client that accepts them, and API answers of 1 KB and more compressed on the fly.
import { request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

const VARIANTS = {
  'index.html': '<!doctype html><title>Digitafel</title>',
  'sw.js': 'self.addEventListener("fetch", () => {});',
  'assets/index-AbC123.js': 'console.log(1)',
};

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent, decoded by its content-encoding. */
  text: string;
  /** Bytes on the wire (the body as sent). */
  sent: number;
}

/** GET with exactly these headers (fetch would add its own accept-encoding and decode). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded =
          encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: decoded.toString(),
          sent: body.length,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static serving', () => {
  let s: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digitafel-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Digitafel</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    // Variants as the build writes them (vite.config.ts, precompress), each with a marker so
    // the test sees which file was sent.
    for (const [file, text] of Object.entries(VARIANTS)) {
      writeFileSync(join(dir, `${file}.br`), brotliCompressSync(`${text}/*br*/`));
      writeFileSync(join(dir, `${file}.gz`), gzipSync(`${text}/*gz*/`));
    }
    s = await startTestServer({ staticDir: dir });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Plain files (fetch would ask for gzip and get the variant, see the test further down).
  const get = (url: string, accept = '*/*') =>
    fetch(`${s.url}${url}`, { headers: { accept, 'accept-encoding': 'identity' } });

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

  it('sends the brotli or gzip file the build wrote, with the same headers as the file', async () => {
    const cases = [
      { path: '/', file: 'index.html', accept: 'text/html', cache: 'no-cache', type: 'text/html' },
      { path: '/help/new', file: 'index.html', accept: 'text/html', cache: 'no-cache', type: 'text/html' },
      { path: '/sw.js', file: 'sw.js', accept: '*/*', cache: 'no-cache', type: 'javascript' },
      {
        path: '/assets/index-AbC123.js',
        file: 'assets/index-AbC123.js',
        accept: '*/*',
        cache: 'immutable',
        type: 'javascript',
      },
    ] as const;
    for (const c of cases) {
      const text = VARIANTS[c.file];
      for (const [acceptEncoding, encoding, marker] of [
        ['gzip, deflate, br, zstd', 'br', '/*br*/'],
        ['gzip', 'gzip', '/*gz*/'],
        ['identity', undefined, ''],
      ] as const) {
        const res = await rawGet(s.url, c.path, { accept: c.accept, 'accept-encoding': acceptEncoding });
        const what = `${c.path} with ${acceptEncoding}`;
        expect(res.status, what).toBe(200);
        expect(res.headers['content-encoding'], what).toBe(encoding);
        expect(res.text, what).toBe(`${text}${marker}`);
        expect(res.headers['content-type'], what).toContain(c.type);
        expect(res.headers['cache-control'], what).toContain(c.cache);
        expect(res.headers.vary, what).toContain('accept-encoding');
      }
    }
  });

  it('compresses API answers of 1 KB and more, not smaller ones', async () => {
    const big = await rawGet(s.url, '/api/v1/openapi.json', { 'accept-encoding': 'gzip, br' });
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(big.text)).toMatchObject({ openapi: expect.stringMatching(/^3\.1/) });
    expect(big.sent).toBeLessThan(big.text.length / 3);
    const gz = await rawGet(s.url, '/api/v1/openapi.json', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(big.text);
    const plain = await rawGet(s.url, '/api/v1/openapi.json', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(big.text);
    const small = await rawGet(s.url, '/api/v1/unknown', { 'accept-encoding': 'gzip, br' });
    expect(small.status).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.text).error.code).toBe('not_found');
  });
});
