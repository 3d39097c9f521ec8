// GET /openapi.json (the API reference) and GET /health (is this instance up?), both public.
// HEAD /health is what a phone with records waiting probes on a short backoff, so it sends as
// soon as the server is back; a load balancer can use it too. It does not touch the database.
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi/document';

/** Registers the public meta routes. */
export function metaRoutes(app: FastifyInstance): void {
  app.get('/openapi.json', async () => openApiDocument());
  app.get('/health', async (_request, reply) => reply.code(204).send());
}
