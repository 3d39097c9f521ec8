// The loan rules shared by phone and server: which loans are open, which one blocks lending an
// item again, and how overdue loans are grouped for the coordinator.
import { describe, expect, it } from 'vitest';
import { blockingLoan, daysOverdue, isOpenLoan, overdueBucket } from '../../../src/shared/loan-rules';
import { ID, OTHER_ID } from './records.fixtures';

const base = { id: ID, equipmentId: OTHER_ID, kind: 'loan' as const, status: 'active' as const };
const NOW = new Date('2026-11-23T12:00:00Z');
/** A due date `days` calendar days from NOW (negative: in the past), at midday UTC. */
const dueIn = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

describe('isOpenLoan', () => {
  it('is open while active or without a status, and not returned, given, lost, conflicting or deleted', () => {
    expect(isOpenLoan(base)).toBe(true);
    expect(isOpenLoan({ ...base, status: undefined })).toBe(true);
    expect(isOpenLoan({ ...base, returnedAt: NOW.toISOString() })).toBe(false);
    expect(isOpenLoan({ ...base, kind: 'gift' })).toBe(false);
    for (const status of ['returned', 'lost', 'given', 'conflict'] as const) {
      expect(isOpenLoan({ ...base, status }), status).toBe(false);
    }
    expect(isOpenLoan({ ...base, deleted: true })).toBe(false);
  });
});

describe('blockingLoan', () => {
  const loans = [
    { ...base, id: 'returned', returnedAt: NOW.toISOString(), status: 'returned' as const },
    { ...base, id: 'other-item', equipmentId: 'item-2' },
    { ...base, id: 'open' },
  ];

  it('finds the open loan of the same item', () => {
    expect(blockingLoan(loans, OTHER_ID)?.id).toBe('open');
  });

  it('ignores other items, closed loans and the loan itself', () => {
    expect(blockingLoan(loans.slice(0, 1), OTHER_ID)).toBeUndefined();
    expect(blockingLoan(loans, 'item-3')).toBeUndefined();
    expect(blockingLoan(loans, OTHER_ID, 'open')).toBeUndefined();
  });
});

describe('overdue', () => {
  it('counts calendar days past the due date of open loans only', () => {
    expect(daysOverdue({ ...base, dueAt: dueIn(-3) }, NOW)).toBe(3);
    expect(daysOverdue({ ...base, dueAt: dueIn(2) }, NOW)).toBe(0);
    expect(daysOverdue({ ...base, dueAt: null }, NOW)).toBe(0);
    expect(daysOverdue({ ...base, dueAt: dueIn(-3), status: 'returned' }, NOW)).toBe(0);
  });

  it.each([
    [undefined, 'not_due'],
    [30, 'not_due'],
    [8, 'not_due'],
    [7, 'due_soon'],
    [0, 'due_soon'],
    [-1, 'overdue'],
    [-6, 'overdue'],
    [-7, 'overdue_7'],
    [-29, 'overdue_7'],
    [-30, 'overdue_30'],
    [-59, 'overdue_30'],
    [-60, 'overdue_60'],
    [-400, 'overdue_60'],
  ])('due in %s days is %s', (days, bucket) => {
    const dueAt = days === undefined ? null : dueIn(days);
    expect(overdueBucket({ ...base, dueAt }, NOW)).toBe(bucket);
  });
});

describe('days late in Brussels', () => {
  it('counts Brussels calendar days, whatever the time zone of the machine', () => {
    const due = '2026-11-23T12:00:00.000Z'; // a due date picked as 23 November
    // 23:30 UTC on the 23rd is already 24 November in Brussels: one day late.
    expect(daysOverdue({ ...base, dueAt: due }, new Date('2026-11-23T23:30:00Z'))).toBe(1);
    expect(overdueBucket({ ...base, dueAt: due }, new Date('2026-11-23T23:30:00Z'))).toBe('overdue');
    expect(daysOverdue({ ...base, dueAt: due }, new Date('2026-11-23T22:30:00Z'))).toBe(0);
    // Summer time (UTC+2): 22:10 UTC on 30 June is 1 July in Brussels.
    const june = '2026-06-30T12:00:00.000Z';
    expect(daysOverdue({ ...base, dueAt: june }, new Date('2026-06-30T22:10:00Z'))).toBe(1);
    expect(daysOverdue({ ...base, dueAt: june }, new Date('2026-06-30T21:50:00Z'))).toBe(0);
  });
});
