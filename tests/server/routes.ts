// Every route the server has, read from the Fastify instance itself (its printed route tree), so a
// route added later is fuzzed and put through the access table without anyone listing it here.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { z } from 'zod';
import type { Db } from '../../src/server/db';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface Route {
  method: Method;
  /** The route pattern, e.g. `/api/v1/records/:table/:id`. */
  url: string;
}

/** Every (method, url) the app answers, parsed from `printRoutes` and checked with `hasRoute`. */
export function listRoutes(app: FastifyInstance): Route[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: Route[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const url = (stack[depth - 1] ?? '') + m[2]!;
    stack.push(url);
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method) routes.push({ method: method as Method, url });
    }
  }
  for (const r of routes) {
    if (!app.hasRoute({ method: r.method, url: r.url }))
      throw new Error(`parsed a route the app lacks: ${r.method} ${r.url}`);
  }
  if (routes.length < 20) throw new Error(`only ${routes.length} routes parsed from:\n${tree}`);
  return routes;
}

/** `METHOD /url` of a route. */
export const routeKey = (r: Route) => `${r.method} ${r.url}`;

/** The error body of the API, and nothing else. */
export const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    message: z.string().min(1).max(500),
    issues: z.array(z.unknown()).optional(),
  }),
});

/** What must never reach a client: stack frames, source or install paths. */
export const INTERNALS =
  /\n\s+at |\bat [^\s]+ \(|node_modules|\/src\/server|\/work\/|file:\/\/|\.ts:\d+|\.js:\d+:\d+/;

/** Asserts `res` is an API error body with `status` (or any 4xx when omitted). */
export function expectApiError(res: { statusCode: number; body: string }, status?: number): void {
  if (status !== undefined) expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  else expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(res.body).not.toMatch(INTERNALS);
  const parsed = errorBody.safeParse(JSON.parse(res.body));
  expect(parsed.success, res.body.slice(0, 300)).toBe(true);
}

/** The names of every table in the test database (SQLite file or the PostgreSQL test schema). */
export async function tableNames(db: Db): Promise<string[]> {
  try {
    const rows = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    return rows.rows.map((r) => r.name).sort();
  } catch {
    const rows = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
    return rows.rows.map((r) => r.name).sort();
  }
}

/** Row counts of `tables` in one round trip, as `{table: n}`. */
export async function rowCounts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const query = tables
    .map((t) => `select '${t}' as name, count(*) as n from ${JSON.stringify(t)}`)
    .join(' union all ');
  const rows = await sql<{ name: string; n: number | string }>`${sql.raw(query)}`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, Number(r.n)]));
}
