// POST /sync/push and GET /sync/pull (API.md "Sync").
import type { FastifyInstance } from 'fastify';
import { pullQuery, pushRequest, SCHEMA_VERSION } from '../../shared/sync-protocol';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import type { Deps } from './deps';

/** Registers the sync routes. */
export function syncRoutes(app: FastifyInstance, { db, config, authenticate }: Deps): void {
  app.post('/sync/push', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request);
    const body = parseOr400(pushRequest, request.body);
    if (body.deviceId !== auth.deviceId)
      throw new HttpError(403, 'wrong_device', 'deviceId is not this token’s');
    const min = config.minSchemaVersion;
    if (body.schemaVersion > SCHEMA_VERSION || body.schemaVersion < min) {
      throw new HttpError(
        426,
        'unsupported_schema_version',
        `the server accepts schema versions ${min}..${SCHEMA_VERSION}`,
      );
    }
    return push(db, auth, body);
  });

  app.get('/sync/pull', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request);
    const query = parseOr400(pullQuery, request.query);
    return pull(db, auth, query.cursor || undefined, query.limit);
  });
}
