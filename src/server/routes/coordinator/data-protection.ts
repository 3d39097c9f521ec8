// The data-protection page: GET /retention/status, GET /borrowers/:code/export,
// POST /borrowers/:code/erase, and GET /people (the organisation's users, for names and filters).
import type { FastifyInstance } from 'fastify';
import { borrowerParams } from '../../../shared/review';
import { recordSecurityEvent } from '../../db/security-events.repository';
import { parseOr400 } from '../../http/errors';
import { exportBorrower, eraseBorrower, retentionStatus } from '../../coordinator/data-protection';
import { coordDb } from '../../coordinator/db';
import type { Deps } from '../deps';
import { coordinator } from './guard';

/** Registers the data-protection and people routes. */
export function privacyRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  const cdb = coordDb(db);
  app.get('/retention/status', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    return retentionStatus(cdb, auth.orgId);
  });

  app.get('/borrowers/:code/export', { onRequest: authenticate }, async (request, reply) => {
    const auth = coordinator(request);
    const { code } = parseOr400(borrowerParams, request.params);
    void reply.header('cache-control', 'no-store');
    const exported = await exportBorrower(cdb, auth.orgId, code);
    // Who handed a borrower's data out, and when; never which borrower (no code, no name).
    await recordSecurityEvent(db, { orgId: auth.orgId, kind: 'borrower_exported', actorId: auth.userId });
    return exported;
  });

  app.post('/borrowers/:code/erase', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    const { code } = parseOr400(borrowerParams, request.params);
    const erased = await eraseBorrower(cdb, auth, code);
    await recordSecurityEvent(db, { orgId: auth.orgId, kind: 'borrower_erased', actorId: auth.userId });
    return erased;
  });

  app.get('/people', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    const users = await db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role'])
      .where('org_id', '=', auth.orgId)
      .orderBy('name')
      .execute();
    return { users };
  });
}
