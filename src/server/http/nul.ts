// PostgreSQL text cannot hold U+0000, so a NUL character anywhere in a request would fail deep in
// a query as a 500 (SQLite would store it). Requests carrying one are refused up front with 400;
// a pushed record carrying one is `rejected` on its own (sync/apply.ts), like any invalid record.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';

interface Node {
  value: unknown;
  key: string | number | undefined;
  parent: Node | undefined;
  depth: number;
}

const pathOf = (n: Node): Array<string | number> => {
  const path: Array<string | number> = [];
  for (let at: Node | undefined = n; at?.parent; at = at.parent) path.unshift(at.key!);
  return path;
};

/**
 * The path of the first string (value or key) in `value` holding U+0000, or undefined. `skip`
 * sees the paths up to `skipDepth` levels deep and may leave a subtree out.
 */
export function findNul(
  value: unknown,
  skip?: (path: Array<string | number>) => boolean,
  skipDepth = 3,
): string | undefined {
  // Iterative, with parent links instead of copied paths: bodies may nest 10^5 levels deep.
  const stack: Node[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (skip && n.depth <= skipDepth && skip(pathOf(n))) continue;
    const v = n.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return pathOf(n).join('.') || '(value)';
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, key: i, parent: n, depth: n.depth + 1 }));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\u0000')) return [...pathOf(n), k].join('.');
        stack.push({ value: item, key: k, parent: n, depth: n.depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Requests whose JSON text holds no `\u0000` escape. JSON text cannot carry a raw U+0000 (the
 * parser refuses control characters in strings), so a body without that escape holds no NUL
 * anywhere: one native substring search over the text replaces walking every value. A body
 * with it (or with an escaped backslash before "u0000", a harmless false alarm) is walked.
 */
const nulFreeBodies = new WeakSet<FastifyRequest>();

/** Notes, while parsing, that the JSON text of `request`'s body cannot hold a NUL character. */
export function noteJsonText(request: FastifyRequest, text: string): void {
  if (!text.includes('\\u0000')) nulFreeBodies.add(request);
}

/** Whether the body of `request` is known to hold no NUL character (see noteJsonText). */
export function bodyIsNulFree(request: FastifyRequest): boolean {
  return nulFreeBodies.has(request);
}

/** A pushed mutation's record is judged per mutation, not per request. */
const isPushedRecord = (path: Array<string | number>) =>
  path.length === 3 && path[0] === 'mutations' && path[2] === 'record';

/** A preHandler hook: 400 `validation_failed` when params, query or body hold a NUL character. */
export async function refuseNul(request: FastifyRequest): Promise<void> {
  const skip = request.routeOptions.url?.endsWith('/sync/push') ? isPushedRecord : undefined;
  for (const [where, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    if (where === 'body' && bodyIsNulFree(request)) continue;
    const at = findNul(value, where === 'body' ? skip : undefined);
    if (at !== undefined) {
      throw new HttpError(400, 'validation_failed', 'the request is not valid', [
        {
          code: 'invalid_string',
          path: [where, ...at.split('.')],
          message: 'NUL characters are not allowed',
        },
      ]);
    }
  }
}
