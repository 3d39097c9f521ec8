// GET /equipment (the inventory), GET /equipment/:id (an item's page with its loan history) and
// GET /loans (open loans by due bucket). Coordinators and admins: these carry borrower identity.
import type { FastifyInstance } from 'fastify';
import { equipmentListQuery, equipmentParams, loanListQuery } from '../../../shared/inventory';
import { parseOr400 } from '../../http/errors';
import { equipmentPage, listEquipment } from '../../coordinator/equipment.query';
import { listOpenLoans } from '../../coordinator/loans.query';
import type { Deps } from '../deps';
import { coordinator } from './guard';

/** Registers the equipment and loan list routes. */
export function equipmentRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  app.get('/equipment', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    return listEquipment(db, auth.orgId, parseOr400(equipmentListQuery, request.query));
  });

  app.get('/equipment/:id', { onRequest: authenticate }, async (request, reply) => {
    const auth = coordinator(request);
    const { id } = parseOr400(equipmentParams, request.params);
    void reply.header('cache-control', 'no-store');
    return equipmentPage(db, auth.orgId, id);
  });

  app.get('/loans', { onRequest: authenticate }, async (request, reply) => {
    const auth = coordinator(request);
    const query = parseOr400(loanListQuery, request.query);
    void reply.header('cache-control', 'no-store');
    return listOpenLoans(db, auth.orgId, query);
  });
}
