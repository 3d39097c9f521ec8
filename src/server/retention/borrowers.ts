// Retention of borrower identity: deleted (tombstone, identity fields gone) 6 months after the
// borrower's last loan was returned or given, when no loan of theirs is still open; with it go
// their audit entries and overwritten values, which held the same identity.
import type { Transaction } from 'kysely';
import { retentionDays } from '../../shared/personal-data';
import type { DB } from '../db';
import type { SeqAllocator } from '../db/orgs.repository';
import { forgetHistory } from '../db/history';
import { saveRecord, type RecordRow } from '../db/records.repository';

/** Tombstones the organisation's borrowers past retention; returns how many. */
export async function deleteExpiredBorrowers(
  trx: Transaction<DB>,
  seq: SeqAllocator,
  orgId: string,
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays.identity! * 86_400_000).toISOString();
  const borrowers = await trx
    .selectFrom('borrowers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deleted', '=', 0)
    .execute();
  let count = 0;
  for (const b of borrowers) {
    if (!b.borrower_code) continue;
    const loans = await trx
      .selectFrom('loans')
      .select(['open', 'ended_at', 'deleted'])
      .where('org_id', '=', orgId)
      .where('borrower_code', '=', b.borrower_code)
      .execute();
    const live = loans.filter((l) => l.deleted === 0);
    if (live.some((l) => l.open === 1 || l.ended_at === null)) continue;
    const lastEnd = live.reduce<string>((max, l) => (l.ended_at! > max ? l.ended_at! : max), '');
    const expired = live.length > 0 ? lastEnd < cutoff : b.received_at < cutoff;
    if (!expired) continue;
    const row: RecordRow = {
      ...b,
      data: JSON.stringify({ id: b.id }),
      deleted: 1,
      borrower_code: null,
      version: b.version + 1,
      seq: seq.next(),
      last_device_id: null,
    };
    await saveRecord(trx, 'borrowers', row, true);
    // Their audit entries and overwritten values held the identity too.
    await forgetHistory(trx, orgId, 'borrowers', [b.id]);
    count += 1;
  }
  return count;
}
