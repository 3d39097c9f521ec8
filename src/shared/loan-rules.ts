// Pure loan rules shared by the phone (refuse lending an item it knows is out) and the server
// (store a second open loan as `conflict`). Days late count Brussels calendar days, so a phone
// and a server in UTC agree on which loans are overdue, also just after midnight.
import { differenceInCalendarDays } from 'date-fns';
import { brusselsDay } from './i18n/format';
import type { LoanInput } from './records';

type LoanLike = Pick<LoanInput, 'equipmentId' | 'returnedAt' | 'status' | 'kind' | 'dueAt' | 'id'>;

/** An open loan is one not returned, not given away, not lost and not in conflict. */
export function isOpenLoan(loan: LoanLike & { deleted?: boolean }): boolean {
  if (loan.deleted) return false;
  if (loan.returnedAt) return false;
  if (loan.kind === 'gift') return false;
  return loan.status === undefined || loan.status === 'active';
}

/** The open loan that blocks a new loan of this item, if any (ignoring the loan itself). */
export function blockingLoan<L extends LoanLike & { deleted?: boolean }>(
  loans: readonly L[],
  equipmentId: string,
  exceptId?: string,
): L | undefined {
  return loans.find((l) => l.equipmentId === equipmentId && l.id !== exceptId && isOpenLoan(l));
}

/** Brussels calendar days from the day of `due` to the day of `now` (negative: not yet). */
function daysLate(due: string, now: Date): number {
  // Local midnight of each Brussels day: differenceInCalendarDays counts in the local zone.
  const midnight = (d: Date | string) => new Date(`${brusselsDay(d)}T00:00:00`);
  return differenceInCalendarDays(midnight(now), midnight(due));
}

/** Days past due (0 when not due yet or no due date). */
export function daysOverdue(loan: LoanLike, now: Date = new Date()): number {
  if (!isOpenLoan(loan) || !loan.dueAt) return 0;
  return Math.max(0, daysLate(loan.dueAt, now));
}

export type OverdueBucket = 'not_due' | 'due_soon' | 'overdue' | 'overdue_7' | 'overdue_30' | 'overdue_60';

/** Groups an open loan: due within 7 days, overdue under a week, or overdue 7/30/60+ days. */
export function overdueBucket(loan: LoanLike, now: Date = new Date()): OverdueBucket {
  if (!loan.dueAt) return 'not_due';
  const late = daysLate(loan.dueAt, now);
  if (late >= 60) return 'overdue_60';
  if (late >= 30) return 'overdue_30';
  if (late >= 7) return 'overdue_7';
  if (late > 0) return 'overdue';
  return late >= -7 ? 'due_soon' : 'not_due';
}

/**
 * The fields of a loan any volunteer of the organisation may change: returning and extending
 * it. Everything else of a loan (item, borrower, kind, start, notes) only its maker or a
 * coordinator changes (issue 11 finding 6). `status` is the server's; device clocks inform only.
 */
export const LOAN_RETURN_FIELDS = [
  'returnedAt',
  'dueAt',
  'extensions',
  'conditionIn',
  'accessoriesIn',
] as const;
const FREE_FOR_ANYONE = new Set<string>([...LOAN_RETURN_FIELDS, 'status', 'createdAt', 'updatedAt']);

/** The fields, outside the return and extension ones, whose values differ (null = absent). */
export function loanFieldsOutsideReturn(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return [...new Set([...Object.keys(current), ...Object.keys(next)])].filter(
    (k) => !FREE_FOR_ANYONE.has(k) && !same(current[k], next[k]),
  );
}
