// POST /enrolment-codes (coordinator): a single-use code and the URL that enrols a phone with
// it. The code sits after `#`, so it never reaches a server log.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createEnrolmentCodeRequest } from '../../shared/api';
import type { Config } from '../config';
import { insertEnrolmentCode } from '../db/devices.repository';
import { requireRole } from '../http/auth';
import { parseOr400 } from '../http/errors';
import type { Deps } from './deps';

const DEFAULT_HOURS = 72;

/** The public origin of the app: DIGITAFEL_PUBLIC_URL, else the request's own. */
function publicOrigin(config: Config, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Registers POST /enrolment-codes. */
export function enrolmentCodeRoutes(app: FastifyInstance, { db, config, authenticate }: Deps): void {
  app.post('/enrolment-codes', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request, ['coordinator', 'admin']);
    const body = parseOr400(createEnrolmentCodeRequest, request.body);
    const hours = body.expiresInHours ?? DEFAULT_HOURS;
    const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
    const code = await insertEnrolmentCode(db, {
      orgId: auth.orgId,
      name: body.name,
      createdBy: auth.userId,
      expiresAt,
    });
    const url = `${publicOrigin(config, request)}/#/enrol/${code}`;
    return reply.code(201).send({ code, url, expiresAt });
  });
}
