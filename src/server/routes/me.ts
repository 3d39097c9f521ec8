// GET /me: who the token belongs to and their organisation.
import type { FastifyInstance } from 'fastify';
import { findOrg } from '../db/orgs.repository';
import { toUser } from '../db/users.repository';
import { requireRole } from '../http/auth';
import type { Deps } from './deps';

/** Registers GET /me. */
export function meRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  app.get('/me', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request);
    const org = await findOrg(db, auth.orgId);
    return { user: toUser(auth.user), org: { id: auth.orgId, name: org?.name ?? '' } };
  });
}
