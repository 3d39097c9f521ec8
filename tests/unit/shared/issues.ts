// Runs a schema and returns its issues as {path, code, message} for compact assertions.
import type { z } from 'zod';

export interface Issue {
  path: PropertyKey[];
  code: string;
  message: string;
}

/** The issues of parsing `value` with `schema` (an empty list when it parses). */
export function issuesOf(schema: z.ZodType, value: unknown): Issue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
}
