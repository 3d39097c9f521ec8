// Repairs JSON text stored before strings had to be well-formed Unicode (src/shared/zod.ts): a
// lone surrogate kept as "\ud800" in a JSON column makes PostgreSQL's jsonb cast fail, so the
// review inbox's topic filter answered 500 for the whole organisation. Each one becomes U+FFFD
// (the replacement character), in values and keys; nothing else changes, no version is bumped
// (the phone that sent it holds the same text and refuses nothing with it).
import { sql, type Kysely } from 'kysely';
import { toWellFormed } from '../../../shared/unicode';

const JSON_COLUMNS: Array<[string, string]> = [
  ...[
    'help_requests',
    'permanences',
    'equipment',
    'loans',
    'borrowers',
    'locations',
    'topics',
    'partners',
  ].map((t): [string, string] => [t, 'data']),
  ['merges', 'old_value'],
  ['merges', 'new_value'],
  ['audit_log', 'before'],
  ['audit_log', 'after'],
  ['device_outcomes', 'result'],
];

/** `value` with every string and key made well-formed. */
function repair(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (Array.isArray(value)) return value.map(repair);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toWellFormed(k), repair(v)]));
  return value;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of JSON_COLUMNS) {
    // Only rows holding a \uD800-\uDFFF escape can be affected ('!' escapes nothing here; it
    // keeps PostgreSQL from reading the backslash as a LIKE escape).
    const rows = await sql<{ v: string }>`
      select distinct ${sql.ref(column)} as v from ${sql.table(table)}
      where lower(${sql.ref(column)}) like ${'%\\ud%'} escape '!'`.execute(db);
    for (const { v } of rows.rows) {
      let fixed: string;
      try {
        fixed = JSON.stringify(repair(JSON.parse(v)));
      } catch {
        continue;
      }
      if (fixed === v) continue;
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${fixed} where ${sql.ref(column)} = ${v}`.execute(
        db,
      );
    }
  }
}

export async function down(): Promise<void> {
  // The broken characters are gone for good; nothing to undo.
}
