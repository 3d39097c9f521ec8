// GET /devices and DELETE /devices/:deviceId (coordinator): the organisation's enrolled phones;
// revoking one makes its token fail with 401. Users may also revoke their own devices.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findDevice, listDevices, revokeDevice } from '../db/devices.repository';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import type { Deps } from './deps';

const params = z.object({ deviceId: z.string().min(1).max(64) });

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
    const { deviceId } = parseOr400(params, request.params);
    const device = await findDevice(db, auth.orgId, deviceId);
    const mayRevoke = auth.role !== 'volunteer' || device?.user_id === auth.userId;
    if (!device) throw new HttpError(404, 'not_found', 'no such device');
    if (!mayRevoke) throw new HttpError(403, 'forbidden', 'volunteers may only revoke their own devices');
    await revokeDevice(db, auth.orgId, deviceId);
    return reply.code(204).send();
  });
}
