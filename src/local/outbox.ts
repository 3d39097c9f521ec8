// Outbox maintenance used by the sync engine: read entries in order, count the ones still
// waiting for a record, renumber them (a new device, or a server that expects other numbers).
import type { DigitafelDb, LocalTable, OutboxEntry } from './db';
import { setMeta } from './meta';

/** The first `limit` entries in mutationId order. */
export function outboxHead(db: DigitafelDb, limit: number): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('mutationId').limit(limit).toArray();
}

/** How many outbox entries still wait for this record. */
export function pendingEntriesFor(db: DigitafelDb, table: LocalTable, id: string): Promise<number> {
  return db.outbox.where('[table+id]').equals([table, id]).count();
}

/** The key `pendingCounts` uses for a record. */
export function recordKey(table: LocalTable, id: string): string {
  return `${table}\t${id}`;
}

/** How many outbox entries wait for each of these records (one index query for all of them). */
export async function pendingCounts(
  db: DigitafelDb,
  records: ReadonlyArray<readonly [LocalTable, string]>,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (records.length === 0) return counts;
  const entries = await db.outbox
    .where('[table+id]')
    .anyOf(records.map(([t, id]) => [t, id]))
    .toArray();
  for (const e of entries) {
    const k = recordKey(e.table, e.id);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Renumbers every outbox entry from `first` on, in order, and moves nextMutationId past them. */
export async function renumberOutbox(db: DigitafelDb, first: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const entries = await db.outbox.orderBy('mutationId').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, mutationId: first + i })));
    await setMeta(db, 'nextMutationId', first + entries.length);
  });
}
