// POST /users (coordinator, admin): a volunteer or coordinator in the caller's organisation.
import type { FastifyInstance } from 'fastify';
import { createUserRequest } from '../../shared/api';
import { hashPassword } from '../auth/secrets';
import { emailTaken, insertUser } from '../db/users.repository';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import type { Deps } from './deps';

/** Registers POST /users. */
export function userRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  app.post('/users', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request, ['coordinator', 'admin']);
    const body = parseOr400(createUserRequest, request.body);
    if (await emailTaken(db, body.email))
      throw new HttpError(409, 'email_taken', 'this e-mail is already in use');
    const user = await insertUser(db, {
      orgId: auth.orgId,
      email: body.email,
      name: body.name,
      role: body.role,
      passwordHash: await hashPassword(body.password),
    });
    return reply.code(201).send({ user });
  });
}
