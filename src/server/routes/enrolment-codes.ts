// POST /enrolment-codes (coordinator): a single-use code and the URL that enrols a phone with
// it. The code sits after `#`, so it never reaches a server log. GET lists the pending codes
// (never the codes themselves: only their hashes are stored) and DELETE withdraws one.
import type { FastifyInstance } from 'fastify';
import { createEnrolmentCodeRequest, enrolmentCodeParams } from '../../shared/api';
import {
  deleteEnrolmentCode,
  insertEnrolmentCode,
  listPendingEnrolmentCodes,
} from '../db/devices.repository';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import { publicOrigin } from '../http/origin';
import type { Deps } from './deps';

const DEFAULT_HOURS = 72;
const MANAGERS = ['coordinator', 'admin'] as const;

/** Registers the enrolment code routes. */
export function enrolmentCodeRoutes(app: FastifyInstance, { db, config, authenticate }: Deps): void {
  app.post('/enrolment-codes', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request, MANAGERS);
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

  app.get('/enrolment-codes', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request, MANAGERS);
    const rows = await listPendingEnrolmentCodes(db, auth.orgId, new Date().toISOString());
    return {
      codes: rows.map((r) => ({
        id: r.id,
        name: r.name,
        expiresAt: r.expires_at,
        createdAt: r.created_at,
        createdBy: r.created_by,
      })),
    };
  });

  app.delete('/enrolment-codes/:id', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request, MANAGERS);
    const { id } = parseOr400(enrolmentCodeParams, request.params);
    if (!(await deleteEnrolmentCode(db, auth.orgId, id))) {
      throw new HttpError(404, 'not_found', 'no such pending enrolment code');
    }
    return reply.code(204).send();
  });
}
