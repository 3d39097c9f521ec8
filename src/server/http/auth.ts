// Bearer-token authentication: an onRequest hook resolves the token to its device and user
// (401 when missing, unknown, revoked, idle too long, a staff sign-in older than its absolute
// limit, or the account disabled), and `requireRole` turns a wrong role into 403.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../shared/api';
import type { Config } from '../config';
import type { Db } from '../db';
import { findDeviceByToken, touchDevice } from '../db/devices.repository';
import { HttpError } from './errors';

export interface AuthContext {
  orgId: string;
  deviceId: string;
  userId: string;
  role: Role;
  user: { id: string; email: string | null; name: string; role: Role; org_id: string };
}

/** What the hook needs from the configuration. */
export type TokenLimits = Pick<Config, 'tokenIdleDays' | 'staffTokenMaxHours'>;

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

// A device's last-seen time is written at most this often, so reads stay reads.
const TOUCH_EVERY_MS = 60_000;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** An onRequest hook that authenticates the request against `db`. */
export function authenticate(db: Db, { tokenIdleDays: idleDays, staffTokenMaxHours }: TokenLimits) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
    if (!match) throw new HttpError(401, 'unauthorized', 'a valid bearer token is required');
    const device = await findDeviceByToken(db, match[1]!);
    // Disabling revokes every token at once and says so (the phone tells the person why); the
    // check on a live token covers a sign-in racing the disabling.
    if (device?.user.disabled_at) {
      throw new HttpError(401, 'account_disabled', 'this account was disabled by a coordinator');
    }
    if (!device || device.revoked) {
      throw new HttpError(401, 'unauthorized', 'the token is unknown or revoked');
    }
    const now = new Date();
    const seen = Date.parse(device.last_seen_at ?? device.created_at);
    // An idle token expires: a lost or forgotten phone, or a coordinator's laptop left signed
    // in, stops being a key to the organisation's data. The phone keeps its unsent records
    // and sends them after the volunteer signs in again (the outbox is renumbered then).
    const maxIdle = (device.user.role === 'volunteer' ? idleDays.volunteer : idleDays.staff) * DAY_MS;
    if (now.getTime() - seen > maxIdle) {
      throw new HttpError(
        401,
        'token_expired',
        'this sign-in expired after a long time unused; sign in again',
      );
    }
    // A coordinator's or admin's sign-in (which sees borrower identity) also ends after an
    // absolute age, however busy: a laptop left signed in at a community centre overnight.
    const staff = device.user.role !== 'volunteer';
    if (staff && now.getTime() - Date.parse(device.created_at) > staffTokenMaxHours * HOUR_MS) {
      throw new HttpError(401, 'token_expired', 'this sign-in is too old; sign in again');
    }
    if (now.getTime() - seen > TOUCH_EVERY_MS) {
      await touchDevice(db, device.org_id, device.id, now.toISOString());
    }
    request.auth = {
      orgId: device.org_id,
      deviceId: device.id,
      userId: device.user.id,
      role: device.user.role,
      user: device.user,
    };
  };
}

/** The caller of an authenticated route; 403 unless their role is one of `roles`. */
export function requireRole(request: FastifyRequest, roles?: readonly Role[]): AuthContext {
  const auth = request.auth;
  if (!auth) throw new HttpError(401, 'unauthorized', 'a valid bearer token is required');
  if (roles && !roles.includes(auth.role)) {
    throw new HttpError(403, 'forbidden', `this needs one of the roles: ${roles.join(', ')}`);
  }
  return auth;
}
