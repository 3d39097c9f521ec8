// Builds the Fastify app: security headers, body limits, rate limits, the API under /api/v1,
// one error body, and the built PWA at /. Holds no state between requests but a per-instance
// count of failed sign-ins.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { MAX_PUSH_BYTES } from '../shared/sync-protocol';
import type { Config } from './config';
import type { Db } from './db';
import { FailedAttempts } from './http/attempts';
import { authenticate } from './http/auth';
import { frameworkErrors, installErrorHandlers } from './http/errors';
import { refuseNul } from './http/nul';
import { helmetOptions } from './http/security';
import { registerStatic } from './http/static';
import { authRoutes } from './routes/auth';
import { coordinatorRoutes } from './routes/coordinator';
import type { Deps } from './routes/deps';
import { deviceRoutes } from './routes/devices';
import { enrolmentCodeRoutes } from './routes/enrolment-codes';
import { meRoutes } from './routes/me';
import { orgRoutes } from './routes/orgs';
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

/** Builds the app (not listening). */
export async function buildApp({ db, config, logger = false }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false ? false : { ...loggerOptions, ...(logger !== true && { stream: logger.stream }) },
    bodyLimit: MAX_PUSH_BYTES,
    trustProxy: config.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors,
  });
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('auth', null);
  installErrorHandlers(app);

  await app.register(helmet, helmetOptions);
  await app.register(rateLimit, { global: false });
  // API answers hold personal data: no browser, proxy or worker cache may keep them.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  const deps: Deps = {
    db,
    config,
    attempts: new FailedAttempts(),
    authenticate: authenticate(db, config.tokenIdleDays),
  };
  await app.register(
    async (api) => {
      api.addHook('preHandler', refuseNul);
      for (const routes of [
        authRoutes,
        meRoutes,
        orgRoutes,
        userRoutes,
        enrolmentCodeRoutes,
        deviceRoutes,
        syncRoutes,
        coordinatorRoutes,
      ]) {
        routes(api, deps);
      }
    },
    { prefix: '/api/v1' },
  );
  await registerStatic(app, config.staticDir);
  return app;
}
