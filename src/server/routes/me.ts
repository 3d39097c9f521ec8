// GET /me: who the token belongs to and their organisation (with its privacy contact, for the
// information texts the phone shows borrowers and visitors). PATCH /org (coordinator, admin):
// sets the caller's organisation's privacy contact.
import type { FastifyInstance } from 'fastify';
import { orgPatchRequest } from '../../shared/api';
import { orgProfile, setPrivacyContact } from '../db/orgs.repository';
import { toUser } from '../db/users.repository';
import { requireRole } from '../http/auth';
import { parseOr400 } from '../http/errors';
import type { Deps } from './deps';

/** Registers GET /me and PATCH /org. */
export function meRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  app.get('/me', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request);
    return { user: toUser(auth.user), org: await orgProfile(db, auth.orgId) };
  });

  app.patch('/org', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request, ['coordinator', 'admin']);
    const { privacyContact } = parseOr400(orgPatchRequest, request.body);
    await setPrivacyContact(db, auth.orgId, privacyContact || null);
    return { org: await orgProfile(db, auth.orgId) };
  });
}
