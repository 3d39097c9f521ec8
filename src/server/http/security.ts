// The security headers of every answer, in one place: @fastify/helmet applies them to every
// request that reaches a route or the 404 handler, and `applySecurityHeaders` to the few answers
// Fastify's router makes before any hook runs (a malformed URL, an over-long path parameter).
import type { FastifyReply } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export const helmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      // blob: the images of fiches a phone keeps offline, shown from IndexedDB.
      imgSrc: ["'self'", 'data:', 'blob:'],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  frameguard: { action: 'deny' },
} satisfies HelmetOptions;

const middleware = helmet(helmetOptions);

/** Sets the same headers as the helmet plugin on `reply`, and no-store (API answers only). */
export function applySecurityHeaders(reply: FastifyReply): Promise<void> {
  void reply.header('cache-control', 'no-store');
  return new Promise((resolve, reject) =>
    middleware(reply.request.raw, reply.raw, (err?: unknown) => (err ? reject(err as Error) : resolve())),
  );
}
