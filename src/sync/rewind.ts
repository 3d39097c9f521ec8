// A server that went back in time: its `lastMutationId` for this device (in a push or pull
// answer) is below what it had acknowledged before. It lost pushes it had answered (a restored
// backup, a power cut before the disk had them); the phone deleted those outbox entries and
// holds the records as synced, so without this they would never reach the server again.
//
// The phone sends again, as new mutations numbered from the server's mark + 1, the current
// state of every record it still holds whose last local write came after that mark
// (`localMutationId`, stamped at each write and kept through pulls), then its waiting entries.
// Records are keyed by their client UUID, so a record the server still had is written again
// (a new version), never duplicated. The pull starts over too: the restored server hands out
// sequence numbers the phone's cursor already passed.
import { toInput } from '../shared/records';
import { OUTBOX_TABLES, type DigitafelDb, type OutboxEntry } from '../local/db';
import { deleteMeta, setMeta } from '../local/meta';
import { recordKey, replaceOutbox } from '../local/outbox';

/** Thrown by the pull when it sees the server's mark below the acknowledged one. */
export class ServerRewoundError extends Error {
  override readonly name = 'ServerRewoundError';
  constructor(readonly lastMutationId: number) {
    super(`the server went back to mutation ${lastMutationId}`);
  }
}

/**
 * Queues again every record written after `serverMark` that has no entry waiting, renumbers
 * the outbox from `serverMark + 1`, forgets the pull cursor and stores the new mark, in one
 * transaction. Returns how many records were queued again.
 */
export async function resendAfterRewind(db: DigitafelDb, serverMark: number): Promise<number> {
  const tables = [db.outbox, db.meta, ...OUTBOX_TABLES.map((t) => db.table(t))];
  return db.transaction('rw', tables, async () => {
    const waiting = await db.outbox.orderBy('mutationId').toArray();
    const queued = new Set(waiting.map((e) => recordKey(e.table, e.id)));
    const again: Array<{ stamp: number; entry: Omit<OutboxEntry, 'mutationId'> }> = [];
    const now = new Date().toISOString();
    for (const table of OUTBOX_TABLES) {
      const rows = await db
        .recordTable(table)
        .filter((row) => (row.localMutationId ?? 0) > serverMark)
        .toArray();
      for (const row of rows) {
        // A refused record never reached the server; a tombstone's delete is still queued.
        if (row.deleted || row.syncState === 'needs_attention' || queued.has(recordKey(table, row.id)))
          continue;
        again.push({
          stamp: row.localMutationId!,
          entry: {
            table,
            op: 'upsert',
            id: row.id,
            baseVersion: row.version ?? null,
            record: toInput(table, row as unknown as Record<string, unknown>),
            createdAt: now,
          },
        });
      }
    }
    again.sort((a, b) => a.stamp - b.stamp); // in the order they were written
    const entries = [...again.map((a) => a.entry), ...waiting.map(({ mutationId: _m, ...e }) => e)];
    await replaceOutbox(db, entries, serverMark + 1);
    await setMeta(db, 'ackedMutationId', serverMark);
    await deleteMeta(db, 'pullCursor');
    return again.length;
  });
}
