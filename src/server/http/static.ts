// Serves the built app: index.html and sw.js (and every other unhashed file) with no-cache,
// hashed files under /assets/ as immutable, GET navigations without an extension fall back to
// index.html, and a missing asset or API route is a real 404 (never the app shell). A client
// that accepts brotli or gzip gets the `.br` / `.gz` file the build wrote next to each text file
// (vite.config.ts, precompress), with the same cache-control and content-type as the file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFoundBody } from './errors';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** True for a page navigation the app shell should answer. */
function isNavigation(request: FastifyRequest, path: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/')) return false;
  if (/\.[A-Za-z0-9]+$/.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/** Registers static serving of `dir` (when it exists) and the 404 / app-shell fallback. */
export async function registerStatic(app: FastifyInstance, dir: string): Promise<void> {
  const hasApp = existsSync(join(dir, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: dir,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.startsWith(join(dir, 'assets'));
        res.setHeader('cache-control', immutable ? IMMUTABLE : 'no-cache');
        // The body depends on accept-encoding (a `.br`/`.gz` variant): caches must key on it.
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (hasApp && isNavigation(request, path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', dir);
    }
    return reply.code(404).send(notFoundBody());
  });
}
