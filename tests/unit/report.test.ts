// Report rules: Brussels days and ISO weeks, the facts a help request counts under, and
// small-group hiding applied to every breakdown.
import { describe, expect, it } from 'vitest';
import {
  brusselsDay,
  brusselsDayStart,
  helpFacts,
  hideSmall,
  isoWeek,
  reportQuery,
  summariseHelpCounts,
  type DayCount,
} from '../../src/shared/report';

describe('small-group hiding', () => {
  it('hides 1..4 and shows 0 and 5+', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(hideSmall)).toEqual([0, null, null, null, null, 5, 6, 120]);
  });
});

describe('Brussels days and ISO weeks', () => {
  it('takes the calendar day in Brussels, not UTC', () => {
    expect(brusselsDay('2026-11-22T23:30:00Z')).toBe('2026-11-23'); // winter, UTC+1
    expect(brusselsDay('2026-07-01T22:30:00Z')).toBe('2026-07-02'); // summer, UTC+2
    expect(brusselsDay('2026-07-01T21:30:00Z')).toBe('2026-07-01');
  });
  it('numbers ISO weeks, including year boundaries', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
  });
  it('finds the instant a Brussels day starts across summer time', () => {
    expect(brusselsDayStart('2026-11-23').toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(brusselsDayStart('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(brusselsDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });
});

describe('report query', () => {
  it('accepts two days in order and refuses the rest with a message', () => {
    expect(reportQuery.safeParse({ from: '2026-11-01', to: '2026-11-30' }).success).toBe(true);
    expect(reportQuery.safeParse({ from: '2026-11-30', to: '2026-11-01' }).success).toBe(false);
    expect(reportQuery.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    const bad = reportQuery.safeParse({ from: 'yesterday', to: '2026-11-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('expected a date as YYYY-MM-DD');
  });
});

describe('help facts and summary', () => {
  it('counts each topic once and fills unknowns', () => {
    const facts = helpFacts({
      occurredAt: '2026-11-23T10:00:00Z',
      channel: 'phone',
      outcome: 'solved',
      topics: ['itsme', 'itsme', 'email'],
    });
    expect(facts.filter((f) => f.dim === 'topic').map((f) => f.key)).toEqual(['itsme', 'email']);
    expect(facts).toContainEqual({ dim: 'age', key: 'unknown' });
    expect(facts).toContainEqual({ dim: 'topic_outcome', key: 'email|solved' });
  });

  it('adds days into weeks and hides small groups in every breakdown', () => {
    const rows: DayCount[] = [
      { day: '2026-11-16', dim: 'total', key: '', n: 3 },
      { day: '2026-11-17', dim: 'total', key: '', n: 4 },
      { day: '2026-11-23', dim: 'total', key: '', n: 2 },
      { day: '2026-11-16', dim: 'topic', key: 'itsme', n: 3 },
      { day: '2026-11-17', dim: 'topic', key: 'itsme', n: 4 },
      { day: '2026-11-23', dim: 'topic', key: 'email', n: 2 },
      { day: '2026-11-16', dim: 'gender', key: 'woman', n: 9 },
      { day: '2026-11-16', dim: 'topic_outcome', key: 'itsme|solved', n: 7 },
      { day: '2026-11-16', dim: 'topic_outcome', key: 'email|referred', n: 2 },
    ];
    const s = summariseHelpCounts(rows);
    expect(s.total).toBe(9);
    expect(s.byWeek).toEqual({ '2026-W47': 7, '2026-W48': null });
    expect(s.byTopic).toEqual({ itsme: 7, email: null });
    expect(s.byWeekTopic).toEqual({ '2026-W47': { itsme: 7 }, '2026-W48': { email: null } });
    expect(s.byTopicOutcome).toEqual({ itsme: { solved: 7 }, email: { referred: null } });
    expect(s.reach.gender).toEqual({ woman: 9 });
  });
});
