// The people of an organisation (coordinator, admin): POST /users adds a volunteer or
// coordinator, GET /users lists them with their last contact, PATCH /users/:id renames,
// changes the role of, disables or re-enables one (disabling ends every sign-in at once), and
// POST /users/:id/reset-codes makes a one-time link to choose a new password. Who may manage
// whom: auth/manage.ts.
import type { FastifyInstance } from 'fastify';
import {
  createResetCodeRequest,
  createUserRequest,
  updateUserRequest,
  userParams,
  type ManagedUser,
} from '../../shared/api';
import { mayGiveRole, mayManage } from '../auth/manage';
import { assertStrongPassword } from '../auth/password-strength';
import { hashPassword } from '../auth/secrets';
import { hasDevices, revokeUserDevices } from '../db/devices.repository';
import { deleteResetCodes, insertResetCode } from '../db/reset-codes.repository';
import { recordSecurityEvent } from '../db/security-events.repository';
import {
  emailTaken,
  findUser,
  insertUser,
  lastSeenOf,
  listUsers,
  toManagedUser,
  updateUser,
} from '../db/users.repository';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import { publicOrigin } from '../http/origin';
import type { Deps } from './deps';

const MANAGERS = ['coordinator', 'admin'] as const;
/** A reset link is for someone who is expected soon: a day, unless asked otherwise. */
const RESET_HOURS = 24;

const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

/** Registers the user routes. */
export function userRoutes(app: FastifyInstance, { db, config, authenticate }: Deps): void {
  app.post('/users', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request, MANAGERS);
    const body = parseOr400(createUserRequest, request.body);
    if (await emailTaken(db, body.email))
      throw new HttpError(409, 'email_taken', 'this e-mail is already in use');
    if (body.password !== undefined) {
      await assertStrongPassword('password', body.password, [body.email, body.name]);
    }
    const passwordHash = body.password === undefined ? null : await hashPassword(body.password);
    const user = await db.transaction().execute(async (trx) => {
      const made = await insertUser(trx, {
        orgId: auth.orgId,
        email: body.email,
        name: body.name,
        role: body.role,
        passwordHash,
      });
      await recordSecurityEvent(trx, {
        orgId: auth.orgId,
        kind: 'user_created',
        actorId: auth.userId,
        subjectId: made.id,
        details: { role: body.role },
      });
      return made;
    });
    return reply.code(201).send({ user });
  });

  app.get('/users', { onRequest: authenticate }, async (request): Promise<{ users: ManagedUser[] }> => {
    const auth = requireRole(request, MANAGERS);
    return { users: await listUsers(db, auth.orgId) };
  });

  app.patch('/users/:id', { onRequest: authenticate }, async (request): Promise<{ user: ManagedUser }> => {
    const auth = requireRole(request, MANAGERS);
    const { id } = parseOr400(userParams, request.params);
    const body = parseOr400(updateUserRequest, request.body);
    const target = await findUser(db, auth.orgId, id);
    if (!target) throw new HttpError(404, 'not_found', 'no such user');
    if (target.id === auth.userId) {
      if (body.disabled !== undefined || body.role !== undefined) {
        throw forbidden('nobody disables themselves or changes their own role');
      }
    } else if (!mayManage(auth, target)) {
      throw forbidden('coordinators manage volunteers; admins manage coordinators and volunteers');
    } else if (body.role !== undefined && body.role !== target.role && !mayGiveRole(auth, body.role)) {
      throw forbidden('only an admin makes someone a coordinator');
    }
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const event = (kind: 'user_disabled' | 'user_enabled' | 'role_changed', details?: { role: string }) =>
        recordSecurityEvent(trx, {
          orgId: auth.orgId,
          kind,
          actorId: auth.userId,
          subjectId: target.id,
          ...(details && { details }),
        });
      const set: Parameters<typeof updateUser>[3] = {};
      if (body.name !== undefined) set.name = body.name;
      if (body.role !== undefined && body.role !== target.role) {
        set.role = body.role;
        await event('role_changed', { role: body.role });
      }
      if (body.disabled === true && !target.disabled_at) {
        set.disabled_at = now;
        // Every phone and browser of the person is signed out at once, and no reset link works.
        await revokeUserDevices(trx, auth.orgId, target.id);
        await deleteResetCodes(trx, auth.orgId, target.id);
        await event('user_disabled');
      } else if (body.disabled === false && target.disabled_at) {
        set.disabled_at = null;
        await event('user_enabled');
      }
      if (Object.keys(set).length > 0) await updateUser(trx, auth.orgId, target.id, set);
    });
    const updated = (await findUser(db, auth.orgId, target.id))!;
    return { user: toManagedUser(updated, await lastSeenOf(db, auth.orgId, target.id)) };
  });

  app.post('/users/:id/reset-codes', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request, MANAGERS);
    const { id } = parseOr400(userParams, request.params);
    const body = parseOr400(createResetCodeRequest, request.body ?? {});
    const target = await findUser(db, auth.orgId, id);
    if (!target) throw new HttpError(404, 'not_found', 'no such user');
    // A person added without a password (who never signed in) gets their first link from any
    // coordinator: whoever added a colleague coordinator can then hand them the way in.
    const firstPassword =
      target.password_hash === null &&
      target.role !== 'admin' &&
      target.id !== auth.userId &&
      !(await hasDevices(db, auth.orgId, target.id));
    if (!mayManage(auth, target) && !firstPassword) {
      throw forbidden('coordinators reset volunteers; admins reset coordinators and volunteers');
    }
    if (target.disabled_at) {
      throw new HttpError(409, 'account_disabled', 'this account is disabled: enable it first');
    }
    const expiresAt = new Date(Date.now() + (body.expiresInHours ?? RESET_HOURS) * 3_600_000).toISOString();
    const code = await db.transaction().execute(async (trx) => {
      const made = await insertResetCode(trx, {
        orgId: auth.orgId,
        userId: target.id,
        createdBy: auth.userId,
        expiresAt,
      });
      await recordSecurityEvent(trx, {
        orgId: auth.orgId,
        kind: 'reset_code_created',
        actorId: auth.userId,
        subjectId: target.id,
      });
      return made;
    });
    // After `#`, so the code never reaches a server or proxy log.
    const url = `${publicOrigin(config, request)}/#/reset/${code}`;
    return reply.code(201).send({ code, url, expiresAt });
  });
}
