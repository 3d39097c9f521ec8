// POST /orgs (admin): a new organisation with its first coordinator.
import type { FastifyInstance } from 'fastify';
import { createOrgRequest } from '../../shared/api';
import { assertStrongPassword } from '../auth/password-strength';
import { hashPassword } from '../auth/secrets';
import { insertOrg } from '../db/orgs.repository';
import { emailTaken, insertUser } from '../db/users.repository';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import type { Deps } from './deps';

/** Registers POST /orgs. */
export function orgRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  app.post('/orgs', { onRequest: authenticate }, async (request, reply) => {
    requireRole(request, ['admin']);
    const body = parseOr400(createOrgRequest, request.body);
    if (await emailTaken(db, body.coordinator.email)) {
      throw new HttpError(409, 'email_taken', 'this e-mail is already in use');
    }
    const { email, name, password } = body.coordinator;
    await assertStrongPassword('coordinator.password', password, [email, name, body.name]);
    const passwordHash = await hashPassword(password);
    const result = await db.transaction().execute(async (trx) => {
      const org = await insertOrg(trx, body.name);
      const coordinator = await insertUser(trx, {
        orgId: org.id,
        email: body.coordinator.email,
        name: body.coordinator.name,
        role: 'coordinator',
        passwordHash,
      });
      return { org, coordinator };
    });
    return reply.code(201).send(result);
  });
}
