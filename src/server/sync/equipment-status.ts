// Through loans the server keeps the equipment status right: an open loan puts the item
// `on_loan`, a gift makes it `given`, a lost loan `retired`, and the end of the last open loan
// makes it `ready` again. Each change is a new version of the equipment row with a new seq.
import type { Transaction } from 'kysely';
import type { DB } from '../db';
import type { SeqAllocator } from '../db/orgs.repository';
import { findRecord, openLoansOf, saveRecord } from '../db/records.repository';
import { extraColumns } from '../records/columns';
import { parseData } from '../records/format';

/** The status the item should have after a write of `loanStatus`, or null to leave it. */
function targetStatus(current: unknown, openLoans: number, loanStatus: string | null): string | null {
  if (openLoans > 0) return 'on_loan';
  if (loanStatus === 'given') return 'given';
  if (loanStatus === 'lost') return 'retired';
  return current === 'on_loan' ? 'ready' : null;
}

/** Updates the equipment row after a loan of it was written (no-op when nothing changes). */
export async function syncEquipmentStatus(
  trx: Transaction<DB>,
  seq: SeqAllocator,
  orgId: string,
  equipmentId: string,
  loanStatus: string | null,
  now: string,
): Promise<void> {
  const eq = await findRecord(trx, 'equipment', orgId, equipmentId);
  if (!eq || eq.deleted === 1) return;
  const data = parseData(eq);
  const open = await openLoansOf(trx, orgId, equipmentId);
  const target = targetStatus(data.status, open.length, loanStatus);
  if (!target || target === data.status) return;
  const next = { ...data, status: target };
  await saveRecord(
    trx,
    'equipment',
    {
      ...eq,
      data: JSON.stringify(next),
      version: eq.version + 1,
      seq: seq.next(),
      last_device_id: null,
      received_at: now,
      ...extraColumns('equipment', next, false),
    },
    true,
  );
}
