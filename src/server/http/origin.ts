// The public origin of the app, which enrolment and reset links start with.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';

/**
 * DIGITAFEL_PUBLIC_URL; only outside production (where config.ts requires it) the request's own
 * origin, which takes the Host header a client chooses.
 */
export function publicOrigin(config: Config, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
