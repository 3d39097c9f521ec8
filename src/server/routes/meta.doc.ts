// The API reference of meta.ts.
import { z } from '../../shared/zod';
import type { RouteDocs } from '../openapi/describe';

const tag = 'Meta';

export const metaDocs: RouteDocs = {
  'GET /openapi.json': {
    tag,
    summary: 'This reference, as an OpenAPI 3.1 document',
    description: 'Generated from the zod schemas the routes validate with.',
    access: 'public',
    responses: { 200: { description: 'The document.', body: z.record(z.string(), z.unknown()) } },
  },
  'GET /health': {
    tag,
    summary: 'Is this instance up? (also `HEAD`)',
    description:
      'Answers without touching the database. Phones with records waiting probe it with `HEAD` on a short ' +
      'backoff and push as soon as it answers.',
    access: 'public',
    responses: { 204: { description: 'The instance is up.' } },
  },
};
