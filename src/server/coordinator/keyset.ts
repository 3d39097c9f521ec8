// Keyset paging for the coordinator lists: the cursor holds the sort values of the last row of a
// page, and the next page starts strictly after them. Unlike OFFSET it stays fast deep into a
// list, and rows written meanwhile never push others off it or show twice.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { HttpError } from '../http/errors';

export type KeyValue = string | number;

/** The opaque cursor of a page's last row. */
export function encodeKeyset(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The sort values in a cursor, or 400 `invalid_cursor` (also when it has the wrong shape). */
export function decodeKeyset(cursor: string, size: number): KeyValue[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === size &&
      v.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))
    ) {
      return v as KeyValue[];
    }
  } catch {
    // fall through
  }
  throw new HttpError(400, 'invalid_cursor', 'the cursor is not valid');
}

/**
 * "The row's keys come after `values`" for keys sorted all in one direction: (k1 > v1) or
 * (k1 = v1 and k2 > v2) or ... Each key must be non-null (coalesce it) so the comparison holds.
 */
export function afterKeyset<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  keys: ReadonlyArray<Expression<KeyValue>>,
  values: readonly KeyValue[],
  dir: 'asc' | 'desc',
): Expression<SqlBool> {
  const op = dir === 'asc' ? sql.raw('>') : sql.raw('<');
  const ors = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => sql<SqlBool>`${k} = ${values[j]}`);
    return eb.and([...equal, sql<SqlBool>`${key} ${op} ${values[i]}`]);
  });
  return eb.or(ors);
}
