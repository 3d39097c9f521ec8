// Outbox maintenance used by the sync engine: read entries in order, count the ones still
// waiting for a record, renumber them (a new device, or a server that expects other numbers).
import { OUTBOX_TABLES, type DigitafelDb, type LocalTable, type OutboxEntry } from './db';
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
  // Index keys only: the entries' record snapshots are never read.
  const keys = await db.outbox
    .where('[table+id]')
    .anyOf(records.map(([t, id]) => [t, id]))
    .keys();
  for (const key of keys) {
    const [t, id] = key as unknown as [LocalTable, string];
    const k = recordKey(t, id);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Renumbers every outbox entry from `first` on, in order, and moves nextMutationId past them. */
export async function renumberOutbox(db: DigitafelDb, first: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta, ...OUTBOX_TABLES.map((t) => db.table(t))], async () => {
    const entries = await db.outbox.orderBy('mutationId').toArray();
    await replaceOutbox(db, entries, first);
  });
}

/**
 * Replaces the outbox with `entries` numbered from `first` in their order (inside the caller's
 * transaction over the outbox, meta and the outbox tables): each record's `localMutationId`
 * follows its last entry, and nextMutationId moves past them.
 */
export async function replaceOutbox(
  db: DigitafelDb,
  entries: ReadonlyArray<Omit<OutboxEntry, 'mutationId'>>,
  first: number,
): Promise<void> {
  const numbered = entries.map((e, i) => ({ ...e, mutationId: first + i }) as OutboxEntry);
  await db.outbox.clear();
  await db.outbox.bulkAdd(numbered);
  await setMeta(db, 'nextMutationId', first + numbered.length);
  for (const table of OUTBOX_TABLES) {
    const last = new Map<string, number>();
    for (const e of numbered) if (e.table === table) last.set(e.id, e.mutationId);
    if (last.size === 0) continue;
    const ids = [...last.keys()];
    const rows = await db.recordTable(table).bulkGet(ids);
    const stamped = rows
      .map((row, i) => row && { ...row, localMutationId: last.get(ids[i]!)! })
      .filter((row) => row !== undefined);
    await db.recordTable(table).bulkPut(stamped as never);
  }
}
