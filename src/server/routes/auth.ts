// POST /auth/login, /auth/enrol, /auth/logout: each sign-in or enrolment makes a new device
// with its own token; logout revokes the caller's device. POST /auth/enrol/check and
// /auth/reset/check say whose a code is (organisation, name) without using it, so the phone
// can ask first; POST /auth/reset sets a new password with a reset code and signs in;
// POST /auth/password changes the caller's password and ends their other sign-ins.
// Every attempt is counted (http/attempts.ts) before the password or code is checked.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  changePasswordRequest,
  codeCheckRequest,
  enrolRequest,
  loginRequest,
  resetRequest,
  type CodeCheck,
  type Session,
} from '../../shared/api';
import { assertStrongPassword } from '../auth/password-strength';
import { hashPassword, verifyPassword } from '../auth/secrets';
import type { Db } from '../db';
import {
  consumeEnrolmentCode,
  insertDevice,
  peekEnrolmentCode,
  revokeDevice,
  revokeUserDevices,
} from '../db/devices.repository';
import { findOrg } from '../db/orgs.repository';
import { consumeResetCode, peekResetCode } from '../db/reset-codes.repository';
import { recordSecurityEvent } from '../db/security-events.repository';
import { findUser, findUserByEmail, insertUser, toUser, updateUser } from '../db/users.repository';
import { codeKeys, countAttempt, LIMITS, loginKeys } from '../http/attempts';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import type { Deps } from './deps';

// A flood guard on top of the attempt counter (which is what stops password guessing).
const rateLimit = { rateLimit: { max: 100, timeWindow: '1 minute' } };

const disabled = () => new HttpError(401, 'account_disabled', 'this account was disabled by a coordinator');
const invalidEnrolment = () =>
  new HttpError(401, 'invalid_enrolment_code', 'the code is unknown, used or expired');
const invalidReset = () => new HttpError(401, 'invalid_reset_code', 'the code is unknown, used or expired');

/** The user a valid reset code is for (401 when the code is not valid or the user is disabled). */
async function resetTarget(db: Db, code: string) {
  const found = await peekResetCode(db, code, new Date().toISOString());
  const user = found && (await findUser(db, found.orgId, found.userId));
  if (!found || !user) return undefined;
  return { ...found, user };
}

/** Registers the auth routes. */
export function authRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  const failed = (request: FastifyRequest, e: Parameters<typeof recordSecurityEvent>[1]) =>
    recordSecurityEvent(db, e).catch((err: unknown) => request.log.error({ err }, 'security event lost'));

  app.post('/auth/login', { config: rateLimit }, async (request): Promise<Session> => {
    const body = parseOr400(loginRequest, request.body);
    const attempt = await countAttempt(db, loginKeys(request.ip, body.email));
    const user = await findUserByEmail(db, body.email);
    const ok = await verifyPassword(user?.password_hash ?? null, body.password);
    if (!user || !ok) {
      await failed(request, {
        orgId: user?.org_id ?? null,
        kind: 'sign_in_failed',
        subjectId: user?.id ?? null,
        details: { reason: user ? 'wrong_password' : 'unknown_account' },
      });
      throw new HttpError(401, 'invalid_credentials', 'wrong e-mail or password');
    }
    await attempt.succeeded();
    if (user.disabled_at) {
      await failed(request, {
        orgId: user.org_id,
        kind: 'sign_in_failed',
        subjectId: user.id,
        details: { reason: 'account_disabled' },
      });
      throw disabled();
    }
    const device = await insertDevice(db, {
      orgId: user.org_id,
      userId: user.id,
      label: body.deviceLabel || null,
    });
    return { ...device, user: toUser(user) };
  });

  app.post('/auth/enrol/check', { config: rateLimit }, async (request): Promise<CodeCheck> => {
    const { code } = parseOr400(codeCheckRequest, request.body);
    const attempt = await countAttempt(db, codeKeys('enrol', request.ip, code));
    const found = await peekEnrolmentCode(db, code, new Date().toISOString());
    if (!found) throw invalidEnrolment();
    await attempt.succeeded();
    return { orgName: found.org_name, name: found.name, expiresAt: found.expires_at };
  });

  app.post('/auth/enrol', { config: rateLimit }, async (request): Promise<Session> => {
    const body = parseOr400(enrolRequest, request.body);
    const attempt = await countAttempt(db, codeKeys('enrol', request.ip, body.code));
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
      await failed(request, { orgId: null, kind: 'enrolment_failed' });
      throw invalidEnrolment();
    }
    await attempt.succeeded();
    return session;
  });

  app.post('/auth/reset/check', { config: rateLimit }, async (request): Promise<CodeCheck> => {
    const { code } = parseOr400(codeCheckRequest, request.body);
    const attempt = await countAttempt(db, codeKeys('reset', request.ip, code));
    const target = await resetTarget(db, code);
    if (!target) throw invalidReset();
    await attempt.succeeded();
    if (target.user.disabled_at) throw disabled();
    const org = await findOrg(db, target.orgId);
    return { orgName: org?.name ?? '', name: target.user.name, expiresAt: target.expiresAt };
  });

  app.post('/auth/reset', { config: rateLimit }, async (request): Promise<Session> => {
    const body = parseOr400(resetRequest, request.body);
    const attempt = await countAttempt(db, codeKeys('reset', request.ip, body.code));
    const target = await resetTarget(db, body.code);
    if (!target) {
      await failed(request, { orgId: null, kind: 'reset_failed' });
      throw invalidReset();
    }
    // A valid code: what follows is not guessing, so the attempt is given back.
    await attempt.succeeded();
    const { user } = target;
    if (user.disabled_at) throw disabled();
    // Checked before the code is used, so a refused password leaves the code working.
    await assertStrongPassword('newPassword', body.newPassword, [user.email ?? '', user.name]);
    const passwordHash = await hashPassword(body.newPassword);
    const device = await db.transaction().execute(async (trx) => {
      if (!(await consumeResetCode(trx, body.code, new Date().toISOString()))) return undefined;
      await updateUser(trx, user.org_id, user.id, { password_hash: passwordHash });
      // The person lost their way in: whatever signed in as them before is ended.
      await revokeUserDevices(trx, user.org_id, user.id);
      await recordSecurityEvent(trx, {
        orgId: user.org_id,
        kind: 'password_reset',
        actorId: user.id,
        subjectId: user.id,
      });
      return insertDevice(trx, { orgId: user.org_id, userId: user.id, label: body.deviceLabel || null });
    });
    if (!device) throw invalidReset();
    return { ...device, user: toUser(user) };
  });

  app.post('/auth/password', { onRequest: authenticate, config: rateLimit }, async (request, reply) => {
    const auth = requireRole(request);
    const body = parseOr400(changePasswordRequest, request.body);
    const attempt = await countAttempt(db, [
      { key: `password|user|${auth.userId}`, max: LIMITS.accountAddress },
    ]);
    const user = await findUser(db, auth.orgId, auth.userId);
    if (!user || !(await verifyPassword(user.password_hash, body.currentPassword))) {
      await failed(request, {
        orgId: auth.orgId,
        kind: 'sign_in_failed',
        actorId: auth.userId,
        subjectId: auth.userId,
        details: { reason: 'wrong_current_password' },
      });
      throw new HttpError(401, 'invalid_credentials', 'the current password is not correct');
    }
    await attempt.succeeded();
    await assertStrongPassword('newPassword', body.newPassword, [user.email ?? '', user.name]);
    const passwordHash = await hashPassword(body.newPassword);
    await db.transaction().execute(async (trx) => {
      await updateUser(trx, auth.orgId, auth.userId, { password_hash: passwordHash });
      await revokeUserDevices(trx, auth.orgId, auth.userId, auth.deviceId);
      await recordSecurityEvent(trx, {
        orgId: auth.orgId,
        kind: 'password_changed',
        actorId: auth.userId,
        subjectId: auth.userId,
      });
    });
    return reply.code(204).send();
  });

  app.post('/auth/logout', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request);
    await revokeDevice(db, auth.orgId, auth.deviceId);
    return reply.code(204).send();
  });
}
