// GET /conflicts and POST /conflicts/:id/resolve.
import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod';
import { conflictsQuery } from '../../../shared/conflicts';
import { uuid } from '../../../shared/records';
import { conflictResolution } from '../../../shared/review';
import { parseOr400 } from '../../http/errors';
import { listConflicts, resolveConflict } from '../../coordinator/conflicts';
import { coordDb } from '../../coordinator/db';
import type { Deps } from '../deps';
import { coordinator } from './guard';

export const conflictParams = z.strictObject({ id: uuid });

/** Registers the conflict routes. */
export function conflictRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  const cdb = coordDb(db);
  app.get('/conflicts', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    return listConflicts(cdb, auth.orgId, parseOr400(conflictsQuery, request.query));
  });

  app.post('/conflicts/:id/resolve', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    const { id } = parseOr400(conflictParams, request.params);
    return resolveConflict(cdb, auth, id, parseOr400(conflictResolution, request.body));
  });
}
