// The record fields copied into indexed columns (coordinator queries, the loan rule, retention).
// Instants are normalised to UTC ISO strings so they compare as text on both databases.
import { isOpenLoan } from '../../shared/loan-rules';
import type { LoanInput, TableName } from '../../shared/records';

type Data = Record<string, unknown>;
export type ExtraColumns = Record<string, string | number | null>;

function instant(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** The loan status the server stores: derived from returnedAt and kind unless lost or in conflict. */
export function loanStatus(loan: Data): string {
  if (loan.status === 'lost' || loan.status === 'conflict') return loan.status;
  if (loan.returnedAt) return 'returned';
  if (loan.kind === 'gift') return 'given';
  return 'active';
}

/** When a loan ended (returned, or started as a gift); null while open. */
export function loanEndedAt(loan: Data): string | null {
  if (loan.returnedAt) return instant(loan.returnedAt);
  if (loan.kind === 'gift') return instant(loan.startedAt);
  return null;
}

/** The extra column values of a record of `table`. */
export function extraColumns(table: TableName, data: Data, deleted: boolean): ExtraColumns {
  switch (table) {
    case 'help_requests':
      return {
        occurred_at: instant(data.occurredAt),
        location_id: text(data.locationId),
        channel: text(data.channel),
        outcome: text(data.outcome),
      };
    case 'permanences':
      return { started_at: instant(data.startedAt), location_id: text(data.locationId) };
    case 'loans':
      return {
        equipment_id: text(data.equipmentId),
        open: isOpenLoan({ ...(data as LoanInput), deleted }) ? 1 : 0,
        status: text(data.status),
        borrower_code: text(data.borrowerCode),
        ended_at: loanEndedAt(data),
        started_at: instant(data.startedAt),
        due_at: instant(data.dueAt),
      };
    case 'equipment':
      return { asset_tag: text(data.assetTag), kind: text(data.kind), status: text(data.status) };
    case 'borrowers':
      return { borrower_code: text(data.borrowerCode) };
    case 'session_members':
      return {
        permanence_id: text(data.permanenceId),
        joined_at: instant(data.joinedAt),
        ended_at: instant(data.endedAt),
      };
    default:
      return {};
  }
}
