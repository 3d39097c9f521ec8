// POST /auth/login, /auth/enrol, /auth/logout: each sign-in or enrolment makes a new device
// with its own token; logout revokes the caller's device.
import type { FastifyInstance } from 'fastify';
import { enrolRequest, loginRequest, type Session } from '../../shared/api';
import { consumeEnrolmentCode, insertDevice, revokeDevice } from '../db/devices.repository';
import { findUserByEmail, insertUser, toUser } from '../db/users.repository';
import { verifyPassword } from '../auth/secrets';
import { HttpError, parseOr400 } from '../http/errors';
import { requireRole } from '../http/auth';
import type { Deps } from './deps';

// A flood guard on top of the failed-attempt counter (which is what stops password guessing).
const rateLimit = { rateLimit: { max: 100, timeWindow: '1 minute' } };

/** Registers the auth routes. */
export function authRoutes(app: FastifyInstance, { db, attempts, authenticate }: Deps): void {
  app.post('/auth/login', { config: rateLimit }, async (request): Promise<Session> => {
    const body = parseOr400(loginRequest, request.body);
    const key = `${request.ip}|login|${body.email.toLowerCase()}`;
    attempts.check(key);
    const user = await findUserByEmail(db, body.email);
    const ok = await verifyPassword(user?.password_hash ?? null, body.password);
    if (!user || !ok) {
      attempts.fail(key);
      throw new HttpError(401, 'invalid_credentials', 'wrong e-mail or password');
    }
    const device = await insertDevice(db, {
      orgId: user.org_id,
      userId: user.id,
      label: body.deviceLabel || null,
    });
    return { ...device, user: toUser(user) };
  });

  app.post('/auth/enrol', { config: rateLimit }, async (request): Promise<Session> => {
    const body = parseOr400(enrolRequest, request.body);
    const key = `${request.ip}|enrol`;
    attempts.check(key);
    const session = await db.transaction().execute(async (trx) => {
      const code = await consumeEnrolmentCode(trx, body.code, new Date().toISOString());
      if (!code) return undefined;
      const user = await insertUser(trx, {
        orgId: code.orgId,
        email: null,
        name: code.name,
        role: 'volunteer',
        passwordHash: null,
      });
      const device = await insertDevice(trx, {
        orgId: code.orgId,
        userId: user.id,
        label: body.deviceLabel || null,
      });
      return { ...device, user };
    });
    if (!session) {
      attempts.fail(key);
      throw new HttpError(401, 'invalid_enrolment_code', 'the code is unknown, used or expired');
    }
    return session;
  });

  app.post('/auth/logout', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request);
    await revokeDevice(db, auth.orgId, auth.deviceId);
    return reply.code(204).send();
  });
}
