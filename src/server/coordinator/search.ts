// The search box of the coordinator lists: "contains", case-insensitive on both databases
// (SQLite's LIKE ignores ASCII case, PostgreSQL's does not, so both sides are lower-cased).

/** A LIKE pattern matching values that contain `text`, with `%`, `_` and `\` taken literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
