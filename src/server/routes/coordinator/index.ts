// The coordinator routes (review, conflicts, reports, data protection), registered under /api/v1 by app.ts like
// the other route modules: review inbox and corrections, conflicts, reports, CSV exports, and
// the data-protection page. Coordinators and admins only: a volunteer gets 403.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { conflictRoutes } from './conflicts';
import { privacyRoutes } from './data-protection';
import { equipmentRoutes } from './equipment';
import { reportRoutes } from './reports';
import { reviewRoutes } from './review';

/** Registers every coordinator route on `app` (call it inside the /api/v1 scope). */
export function coordinatorRoutes(app: FastifyInstance, deps: Deps): void {
  for (const routes of [reviewRoutes, conflictRoutes, reportRoutes, privacyRoutes, equipmentRoutes])
    routes(app, deps);
}
