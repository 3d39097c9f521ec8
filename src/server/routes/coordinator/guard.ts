// The one role check of the coordinator routes.
import type { FastifyRequest } from 'fastify';
import { requireRole, type AuthContext } from '../../http/auth';

export const COORDINATOR_ROLES = ['coordinator', 'admin'] as const;

/** The caller, or 403 unless a coordinator or admin. */
export function coordinator(request: FastifyRequest): AuthContext {
  return requireRole(request, COORDINATOR_ROLES);
}
