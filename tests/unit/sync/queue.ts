// Queues many new help requests on a phone quickly: the pending rows and their outbox entries
// exactly as `commitRecord` (src/local/write.ts) writes them per save, but all in ONE
// transaction. For tests and benchmarks that need a full outbox, not the save path itself.
// Browser-safe (the sync benchmark bundles it into a page).
import { setMeta, validateInput, type DigitafelDb } from '../../../src/local';
import { toInput } from '../../../src/shared/records';
import { newId } from '../../../src/shared/ids';

/** Adds `drafts` as new pending help requests with consecutive mutation ids from 1. */
export async function queueHelpRequests(
  db: DigitafelDb,
  drafts: Array<Record<string, unknown>>,
): Promise<void> {
  const now = new Date().toISOString();
  const rows = drafts.map((draft) => ({
    ...validateInput('help_requests', { ...draft, id: newId(), createdAt: now, updatedAt: now }),
    syncState: 'pending' as const,
  }));
  await db.transaction('rw', db.help_requests, db.outbox, db.meta, async () => {
    await db.help_requests.bulkAdd(rows);
    await db.outbox.bulkAdd(
      rows.map((row, i) => ({
        mutationId: i + 1,
        table: 'help_requests' as const,
        op: 'upsert' as const,
        id: row.id,
        baseVersion: null,
        record: toInput('help_requests', row),
        createdAt: now,
      })),
    );
    await setMeta(db, 'nextMutationId', rows.length + 1);
  });
}
