// How a route is described for the API reference (GET /api/v1/openapi.json). Each route module
// has a sibling `*.doc.ts` exporting a `RouteDocs` table keyed like the access test
// (`'POST /users'`, Fastify's `:param` syntax, without the /api/v1 prefix); `document.ts` turns
// every table into OpenAPI 3.1 with zod-to-openapi. The request schemas are the very zod schemas
// the route parses with, so the reference cannot drift from the validation.
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from '../../shared/zod';
import { ROLES, type Role } from '../../shared/api';
import { apiErrorBody } from './schemas';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseDoc {
  description: string;
  /** The body; omitted for an empty answer (204). */
  body?: z.ZodType;
  /** Default `application/json`. */
  contentType?: string;
}

export interface RouteDoc {
  /** One line, in the imperative or as a noun phrase. */
  summary: string;
  /** Markdown: the rules a client relies on (what is kept, what is refused, limits). */
  description?: string;
  /** Groups the reference by resource (`Auth`, `Sync`, `Review`...). */
  tag: string;
  /** `public`: no token needed; otherwise the roles that may call (others get 403). */
  access: 'public' | readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answers by status. */
  responses: Record<number, ResponseDoc>;
  /**
   * Error answers beyond the ones derived from the rest (400 `validation_failed` when there is
   * input, 401 `unauthorized` unless public, 403 `forbidden` when some roles may not call):
   * status -> when it happens, naming the error codes.
   */
  errors?: Record<number, string>;
}

/** Every signed-in caller, whatever the role. */
export const SIGNED_IN = ROLES;
/** Coordinators and admins of the caller's organisation. */
export const STAFF = ['coordinator', 'admin'] as const;

/** A resource's routes: `'METHOD /path'` -> its description. */
export type RouteDocs = Record<string, RouteDoc>;

/** `/records/:table/:id` -> `/records/{table}/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Splits a `'METHOD /path'` key, refusing a malformed one (a typo would describe no route). */
export function parseKey(key: string): { method: HttpMethod; path: string } {
  const m = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(key);
  if (!m) throw new Error(`route doc key "${key}" is not "METHOD /path"`);
  return { method: m[1] as HttpMethod, path: m[2]! };
}

const errorContent = { 'application/json': { schema: apiErrorBody } };

function errorResponses(doc: RouteDoc): Record<number, string> {
  const out: Record<number, string> = {};
  if (doc.params || doc.query || doc.body)
    out[400] = '`validation_failed` (with `issues`), `invalid_json`: the input does not fit its schema.';
  if (doc.access !== 'public') {
    out[401] = '`unauthorized`: no token, or an unknown, revoked or idle one.';
    if (ROLES.some((r) => !doc.access.includes(r)))
      out[403] = `\`forbidden\`: the caller's role is not ${doc.access.join(' or ')}.`;
  }
  return { ...out, ...doc.errors };
}

function accessText(doc: RouteDoc): string {
  return doc.access === 'public' ? 'No token needed.' : `Roles: ${doc.access.join(', ')}.`;
}

/** Registers one described route on `registry`. */
export function registerRoute(registry: OpenAPIRegistry, key: string, doc: RouteDoc): void {
  const { method, path } = parseKey(key);
  const responses: RouteConfig['responses'] = {};
  for (const [status, r] of Object.entries(doc.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.body && { content: { [r.contentType ?? 'application/json']: { schema: r.body } } }),
    };
  }
  for (const [status, text] of Object.entries(errorResponses(doc))) {
    responses[status] = { description: text, content: errorContent };
  }
  registry.registerPath({
    method: method.toLowerCase() as RouteConfig['method'],
    path: openApiPath(path),
    summary: doc.summary,
    description: [accessText(doc), doc.description].filter(Boolean).join('\n\n'),
    tags: [doc.tag],
    security: doc.access === 'public' ? [] : [{ bearer: [] }],
    request: {
      ...(doc.params && { params: doc.params }),
      ...(doc.query && { query: doc.query }),
      ...(doc.body && { body: { required: true, content: { 'application/json': { schema: doc.body } } } }),
    },
    responses,
  });
}
