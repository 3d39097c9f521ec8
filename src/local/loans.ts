// Equipment and loans on the phone: find an item by its asset tag, lend it (refused when this
// phone knows an open loan for it), extend, return. Volunteers never write equipment: lending
// only marks the local copy on_loan so the next person sees it; the server derives the truth.
import { newId } from '../shared/ids';
import { blockingLoan } from '../shared/loan-rules';
import { loanInput, type EquipmentStatus, type LoanInput } from '../shared/records';
import type { DigitafelDb, LocalEquipment, LocalLoan } from './db';
import { LoanBlockedError, NotFoundError, ValidationError } from './errors';
import { getDb } from './meta';
import { withSyncState } from './read';
import { commitRecord, nowIso } from './write';

export { getLoan, listOpenLoans } from './read';

/** The item with this asset tag (trimmed, case-insensitive), unless deleted. */
export async function findEquipmentByAssetTag(tag: string): Promise<LocalEquipment | undefined> {
  const rows = await getDb().equipment.where('assetTag').equalsIgnoreCase(tag.trim()).toArray();
  return rows.find((e) => !e.deleted);
}

/** The latest loans on this phone, open or closed, newest first (not deleted). */
export async function listRecentLoans(limit = 30): Promise<LocalLoan[]> {
  const rows = await getDb().loans.toArray();
  const recent = rows
    .filter((l) => !l.deleted)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, limit);
  return withSyncState('loans', recent);
}

/** Every known item, by asset tag. */
export async function listEquipment(): Promise<LocalEquipment[]> {
  const rows = await getDb().equipment.orderBy('assetTag').toArray();
  return rows.filter((e) => !e.deleted);
}

/** One item, unless deleted. */
export async function getEquipment(id: string): Promise<LocalEquipment | undefined> {
  const row = await getDb().equipment.get(id);
  return row && !row.deleted ? row : undefined;
}

export type LendInput = Pick<LoanInput, 'equipmentId' | 'kind' | 'borrowerCode'> &
  Partial<
    Pick<
      LoanInput,
      | 'dueAt'
      | 'accessoriesOut'
      | 'conditionOut'
      | 'agreementExplained'
      | 'agreementLanguage'
      | 'consent'
      | 'programme'
      | 'notes'
    >
  >;

async function setLocalEquipmentStatus(
  db: DigitafelDb,
  equipmentId: string,
  status: EquipmentStatus,
): Promise<void> {
  // The database of the transaction, not getDb(): another one may have become active meanwhile.
  await db.equipment.update(equipmentId, { status });
}

/**
 * Lends (or gives) an item now; throws LoanBlockedError when an open loan of it is known here,
 * and ValidationError (path `consent`) unless the borrower was informed and agreed: the time of
 * that consent is stored with the loan (`consentAt`).
 */
export async function lendEquipment(input: LendInput): Promise<LocalLoan> {
  const db = getDb();
  return commitRecord(
    db,
    'loans',
    newId(),
    async () => {
      const item = await db.equipment.get(input.equipmentId);
      if (!item || item.deleted) throw new NotFoundError('equipment', input.equipmentId);
      const known = await db.loans.where('equipmentId').equals(input.equipmentId).toArray();
      const open = blockingLoan(known, input.equipmentId);
      if (open) throw new LoanBlockedError(open);
      const now = nowIso();
      const record = {
        ...input,
        startedAt: now,
        consentAt: now,
        status: input.kind === 'gift' ? 'given' : 'active',
      };
      if (input.consent !== true) {
        // Refused with whatever else the form lacks, so every field says what is missing at once.
        const other = loanInput.safeParse({ ...record, id: newId() });
        throw new ValidationError([
          ...(other.success ? [] : other.error.issues),
          {
            code: 'custom',
            path: ['consent'],
            message: 'the borrower must be informed and agree',
            input: input.consent,
          },
        ]);
      }
      return record;
    },
    {
      tables: [db.equipment],
      alsoInTx: (loan) =>
        setLocalEquipmentStatus(db, loan.equipmentId, loan.kind === 'gift' ? 'given' : 'on_loan'),
    },
  );
}

function requireOpen(row: LocalLoan | undefined, id: string): LocalLoan {
  if (!row || row.deleted) throw new NotFoundError('loans', id);
  return row;
}

/** Moves the due date of a loan, keeping the history of extensions. */
export async function extendLoan(id: string, newDueAt: string): Promise<LocalLoan> {
  return commitRecord(getDb(), 'loans', id, (existing) => {
    const loan = requireOpen(existing, id);
    const extension = { at: nowIso(), previousDueAt: loan.dueAt ?? null, newDueAt };
    return { ...loan, dueAt: newDueAt, extensions: [...(loan.extensions ?? []), extension] };
  });
}

/** Records the return of a loan now; the local item is ready again. */
export async function returnLoan(
  id: string,
  input: Partial<Pick<LoanInput, 'conditionIn' | 'accessoriesIn' | 'notes'>> = {},
): Promise<LocalLoan> {
  const db = getDb();
  return commitRecord(
    db,
    'loans',
    id,
    (existing) => ({ ...requireOpen(existing, id), ...input, returnedAt: nowIso(), status: 'returned' }),
    { tables: [db.equipment], alsoInTx: (loan) => setLocalEquipmentStatus(db, loan.equipmentId, 'ready') },
  );
}

/**
 * Deletes a loan entered by mistake (before or after sending): a local tombstone and an outbox
 * `delete`. An item it still held is free again on this phone; the server does the same.
 */
export async function deleteLoan(id: string): Promise<void> {
  const db = getDb();
  await commitRecord(db, 'loans', id, () => ({}), {
    op: 'delete',
    tables: [db.equipment],
    alsoInTx: async (loan) => {
      if (loan.returnedAt) return;
      const others = await db.loans.where('equipmentId').equals(loan.equipmentId).toArray();
      if (!blockingLoan(others, loan.equipmentId, loan.id))
        await setLocalEquipmentStatus(db, loan.equipmentId, 'ready');
    },
  });
}
