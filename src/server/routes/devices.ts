// GET /devices and DELETE /devices/:deviceId (coordinator): the organisation's enrolled phones;
// revoking one makes its token fail with 401. Everyone may revoke their own devices; others'
// only when they manage that person (auth/manage.ts: a coordinator not an admin's phone).
import type { FastifyInstance } from 'fastify';
import { z } from '../../shared/zod';
import { mayManage } from '../auth/manage';
import { findDevice, listDevices, revokeDevice } from '../db/devices.repository';
import { findUser } from '../db/users.repository';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import type { Deps } from './deps';

export const deviceParams = z.object({ deviceId: z.string().min(1).max(64) });

/** Registers the device routes. */
export function deviceRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  app.get('/devices', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request, ['coordinator', 'admin']);
    const rows = await listDevices(db, auth.orgId);
    return {
      devices: rows.map((d) => ({
        deviceId: d.id,
        label: d.label,
        userId: d.user_id,
        lastSeenAt: d.last_seen_at,
        revokedAt: d.revoked_at,
      })),
    };
  });

  app.delete('/devices/:deviceId', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request);
    const { deviceId } = parseOr400(deviceParams, request.params);
    const device = await findDevice(db, auth.orgId, deviceId);
    if (!device) throw new HttpError(404, 'not_found', 'no such device');
    const owner = await findUser(db, auth.orgId, device.user_id);
    const mayRevoke = device.user_id === auth.userId || (owner !== undefined && mayManage(auth, owner));
    if (!mayRevoke) {
      throw new HttpError(403, 'forbidden', 'you may revoke your own devices and those of people you manage');
    }
    await revokeDevice(db, auth.orgId, deviceId);
    return reply.code(204).send();
  });
}
