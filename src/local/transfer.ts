// The escape hatch: export every record this phone has not synced to a JSON file, and import
// such a file on another device, where each record becomes a new pending change of THAT device
// (its own mutation ids). Ids the importing device already holds are skipped, never overwritten.
import { z } from '../shared/zod';
import { OUTBOX_TABLES, type OutboxEntry, type OutboxTable } from './db';
import { getDb, getMeta } from './meta';
import { pendingCounts, recordKey } from './outbox';
import { commitRecord, nowIso } from './write';

/** The format of an export file (`importUnsynced` validates it). */
export const unsyncedExport = z.object({
  format: z.literal('digitafel-unsynced'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  deviceId: z.string().nullable(),
  records: z.array(
    z.object({
      table: z.enum(OUTBOX_TABLES),
      record: z.record(z.string(), z.unknown()),
    }),
  ),
  outbox: z.array(z.record(z.string(), z.unknown())),
});
export type UnsyncedExport = z.infer<typeof unsyncedExport>;

/** Every record not synced yet (pending, needs attention, conflict) and the outbox as it is. */
export async function exportUnsynced(): Promise<UnsyncedExport> {
  const db = getDb();
  return db.transaction('r', [...OUTBOX_TABLES.map((t) => db.table(t)), db.outbox, db.meta], async () => {
    const records: UnsyncedExport['records'] = [];
    for (const table of OUTBOX_TABLES) {
      const rows = await db
        .table(table)
        .where('syncState')
        .anyOf('pending', 'needs_attention', 'conflict')
        .toArray();
      // A row stored `pending` whose outbox entries are gone is on the server (read.ts).
      const waiting = await pendingCounts(
        db,
        rows.map((r) => [table, r.id as string] as const),
      );
      for (const record of rows)
        if (record.syncState !== 'pending' || waiting.has(recordKey(table, record.id as string)))
          records.push({ table, record });
    }
    const outbox: OutboxEntry[] = await db.outbox.toArray();
    const session = await getMeta(db, 'session');
    return {
      format: 'digitafel-unsynced' as const,
      formatVersion: 1 as const,
      exportedAt: nowIso(),
      deviceId: session?.deviceId ?? null,
      records,
      outbox: outbox as unknown as Record<string, unknown>[],
    };
  });
}

/** Re-creates the file's records as pending changes of this device; skips ids already here. */
export async function importUnsynced(file: unknown): Promise<{ imported: number; skipped: number }> {
  const data = unsyncedExport.parse(typeof file === 'string' ? JSON.parse(file) : file);
  const db = getDb();
  let imported = 0;
  let skipped = 0;
  for (const { table, record } of data.records) {
    const id = typeof record.id === 'string' ? record.id : '';
    if (!id || (await db.table(table).get(id))) {
      skipped++;
      continue;
    }
    await commitRecord(db, table as OutboxTable, id, () => record);
    if (record.deleted === true)
      await commitRecord(db, table as OutboxTable, id, () => ({}), { op: 'delete' });
    imported++;
  }
  return { imported, skipped };
}
