// Builds the Fastify app: security headers, body limits, rate limits, the API under /api/v1,
// one error body, and the built PWA at /. Holds no state between requests (failed sign-ins are
// counted in the database; only the flood guard of @fastify/rate-limit is per instance).
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { MAX_REQUEST_BYTES } from '../shared/sync-protocol';
import type { Config } from './config';
import type { Db } from './db';
import { authenticate } from './http/auth';
import { frameworkErrors, installErrorHandlers } from './http/errors';
import { noteJsonText, refuseNul } from './http/nul';
import { helmetOptions } from './http/security';
import { ficheImageRoutes } from './routes/fiche-images';
import { registerStatic } from './http/static';
import { authRoutes } from './routes/auth';
import { coordinatorRoutes } from './routes/coordinator';
import type { Deps } from './routes/deps';
import { deviceRoutes } from './routes/devices';
import { enrolmentCodeRoutes } from './routes/enrolment-codes';
import { meRoutes } from './routes/me';
import { metaRoutes } from './routes/meta';
import { orgRoutes } from './routes/orgs';
import { securityEventRoutes } from './routes/security-events';
import { syncRoutes } from './routes/sync';
import { userRoutes } from './routes/users';

export interface BuildOptions {
  db: Db;
  config: Config;
  /** false (tests), true (stdout), or a stream to write the log lines to; always `loggerOptions`. */
  logger?: boolean | { stream: DestinationStream };
}

/** The error fields a log line may carry: never a database `detail` or validation input. */
export function serializeError(err: unknown): {
  type: string;
  message: string;
  stack: string;
  code?: string;
} {
  if (!(err instanceof Error)) return { type: typeof err, message: '', stack: '' };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.constructor.name,
    message: '(withheld: messages may quote personal data)',
    ...(typeof code === 'string' && { code }),
    // The stack's first line repeats the message, which may quote the offending value (a pg
    // "invalid input syntax" error does): only the frames are kept.
    stack: (err.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
}

/**
 * Logs the method, the route pattern (never the URL: paths carry borrower codes and query strings
 * carry filters), the status and error types only: no bodies, no headers, no tokens, no IPs, no
 * error messages or database details (they quote the values that failed).
 */
export const loggerOptions = {
  redact: {
    paths: ['req.headers', 'headers', 'body', 'password', 'token', '*.password', '*.token'],
    censor: '[redacted]',
  },
  serializers: {
    req: (req: { method: string; routeOptions?: { url?: string } }) => ({
      method: req.method,
      route: req.routeOptions?.url ?? null,
    }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    err: serializeError,
  },
};

/**
 * Fastify's trustProxy for DIGITAFEL_TRUST_PROXY. A hop count n trusts the n addresses nearest
 * to this server (the socket peer and the rightmost X-Forwarded-For entries it added), so the
 * client is the address the outermost trusted proxy saw; Fastify's own number option now
 * trusts nothing, hence the function. An address list trusts exactly those proxies.
 */
export function trustProxyOption(
  tp: Config['trustProxy'],
): false | string[] | ((a: string, i: number) => boolean) {
  if (typeof tp === 'number') return (_address, hop) => hop < tp;
  return tp;
}

/** Builds the app (not listening). */
export async function buildApp({ db, config, logger = false }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false ? false : { ...loggerOptions, ...(logger !== true && { stream: logger.stream }) },
    bodyLimit: MAX_REQUEST_BYTES,
    trustProxy: trustProxyOption(config.trustProxy),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors,
  });
  app.removeContentTypeParser('text/plain');
  // Fastify's own JSON parser (same limits and prototype-poisoning refusals), noting on the way
  // whether the text can hold a NUL character at all (http/nul.ts), so most bodies are not walked.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    noteJsonText(request, text as string);
    parseJson(request, text as string, done);
  });
  app.decorateRequest('auth', null);
  installErrorHandlers(app);

  await app.register(helmet, helmetOptions);
  await app.register(rateLimit, { global: false });
  // Answers of 1 KB and more (record lists, pulls, reports, the API reference) go brotli or gzip
  // when the client accepts it (brotli at quality 4: cheap on the CPU). The built app's files
  // are compressed once at build and sent as they are (http/static.ts): this plugin leaves an
  // answer that already has a content-encoding alone. No BREACH exposure: sessions are bearer
  // tokens the page adds itself, never cookies a cross-site request would carry. Request bodies
  // are not decompressed (a phone sends plain JSON; the body limit counts what arrives).
  await app.register(compress, {
    globalCompression: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
  });
  // API answers hold personal data: no browser, proxy or worker cache may keep them. Decided by
  // the route the router chose, not by the URL's spelling (`/%61pi/v1/...` reaches the same
  // route); answers of no route (404, malformed URL) are no-store too unless the app shell's
  // fallback said otherwise. Only the static files set their own cache-control.
  app.addHook('onSend', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route?.startsWith('/api/') || !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
  });

  const deps: Deps = {
    db,
    config,
    authenticate: authenticate(db, config),
  };
  await app.register(
    async (api) => {
      api.addHook('preHandler', refuseNul);
      for (const routes of [
        metaRoutes,
        authRoutes,
        meRoutes,
        orgRoutes,
        userRoutes,
        enrolmentCodeRoutes,
        deviceRoutes,
        securityEventRoutes,
        syncRoutes,
        coordinatorRoutes,
        ficheImageRoutes,
      ]) {
        routes(api, deps);
      }
    },
    { prefix: '/api/v1' },
  );
  await registerStatic(app, config.staticDir);
  return app;
}
