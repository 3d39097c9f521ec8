// POST /sync/push and GET /sync/pull (the contract is in sync.doc.ts).
import type { FastifyInstance } from 'fastify';
import { MAX_PUSH_BYTES, pullQuery, pushRequest, SCHEMA_VERSION } from '../../shared/sync-protocol';
import { requireRole } from '../http/auth';
import { bodyIsNulFree } from '../http/nul';
import { wellFormedPush } from '../sync/envelope';
import { HttpError, parseOr400 } from '../http/errors';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import type { Deps } from './deps';

/** Registers the sync routes. */
export function syncRoutes(app: FastifyInstance, { db, config, authenticate }: Deps): void {
  app.post('/sync/push', { onRequest: authenticate, bodyLimit: MAX_PUSH_BYTES }, async (request) => {
    const auth = requireRole(request);
    // A well-formed batch skips the zod pass over the envelope (each record is validated once,
    // by its table's schema, in sync/apply.ts); anything else gets zod's judgement and errors.
    const body = wellFormedPush(request.body) ?? parseOr400(pushRequest, request.body);
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
    return push(db, auth, body, { recordsMayHoldNul: !bodyIsNulFree(request) });
  });

  app.get('/sync/pull', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request);
    const query = parseOr400(pullQuery, request.query);
    return pull(db, auth, query.cursor || undefined, query.limit);
  });
}
