// Every live record of a reference table, read page after page (GET /records/:table), so a long
// list of places or partners is shown whole rather than cut at one page.
import { call } from '../api';

export type Ref = Record<string, unknown> & { id: string };

/** All records of `table`, oldest first (the order they were added). */
export async function allRecords<T extends Ref = Ref>(table: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await call<{ records: T[]; cursor: string | null }>('GET', `/records/${table}`, {
      query: { limit: 500, cursor },
    });
    out.push(...page.records);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out.reverse();
}
