// Report rules: Brussels days and ISO weeks, the facts a help request counts under, and the
// summary's figures with the hiding rule applied (tests/unit/report-hiding.test.ts has the rule).
import { describe, expect, it } from 'vitest';
import { brusselsDay, brusselsDayStart, isoWeek, reportQuery } from '../../src/shared/report';
import { helpFacts, summariseHelpCounts, type DayCount } from '../../src/shared/report-summary';

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

const base = () => ({ occurredAt: 'x', channel: 'phone', outcome: 'solved', topics: ['eid'] });

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

  it('counts did-it-themselves, referral partners and service signals', () => {
    const facts = helpFacts({
      occurredAt: '2026-11-23T10:00:00Z',
      channel: 'phone',
      outcome: 'referred',
      topics: ['itsme', 'mypension'],
      didItThemselves: 'helper',
      referralPartnerIds: ['p1', 'p1', 'p2'],
      serviceSignal: 'the itsme app refuses old phones',
    });
    expect(facts).toContainEqual({ dim: 'self', key: 'helper' });
    // The boolean of older records means yes / helper.
    expect(helpFacts({ ...base(), didItThemselves: true })).toContainEqual({ dim: 'self', key: 'yes' });
    expect(helpFacts({ ...base(), didItThemselves: false })).toContainEqual({ dim: 'self', key: 'helper' });
    expect(facts.filter((f) => f.dim === 'partner').map((f) => f.key)).toEqual(['p1', 'p2']);
    expect(facts.filter((f) => f.dim === 'signal')).toHaveLength(1);
    expect(facts.filter((f) => f.dim === 'signal_topic').map((f) => f.key)).toEqual(['itsme', 'mypension']);
    const quiet = helpFacts({
      ...facts,
      occurredAt: 'x',
      channel: 'phone',
      outcome: 'solved',
      topics: ['eid'],
    });
    expect(quiet).toContainEqual({ dim: 'self', key: 'unknown' });
    expect(quiet.some((f) => f.dim === 'signal' || f.dim === 'partner')).toBe(false);
    const blank = helpFacts({
      occurredAt: 'x',
      channel: 'phone',
      outcome: 'solved',
      topics: ['eid'],
      serviceSignal: '  ',
    });
    expect(blank.some((f) => f.dim === 'signal')).toBe(false);
  });

  it('adds days into weeks and hides small groups in every breakdown, listing none of them', () => {
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
    // One week of 2 is hidden, so the other week (7) is hidden with it: 9 - 7 would give it away.
    expect(s.byWeek).toEqual({});
    expect(s.byTopic).toEqual({});
    expect(s.byWeekTopic).toEqual({});
    expect(s.byTopicOutcome).toEqual({});
    expect(s.reach.gender).toEqual({ woman: 9 });
  });

  it('gives nothing away about the one man among six (issue 11, finding 8)', () => {
    const day = '2026-11-23';
    const rows: DayCount[] = [
      { day, dim: 'total', key: '', n: 6 },
      { day, dim: 'gender', key: 'woman', n: 5 },
      { day, dim: 'gender', key: 'man', n: 1 },
      { day, dim: 'age', key: '66_75', n: 5 },
      { day, dim: 'age', key: '26_40', n: 1 },
      { day, dim: 'topic', key: 'itsme', n: 6 },
    ];
    const s = summariseHelpCounts(rows);
    expect(s.total).toBe(6);
    expect(s.reach.gender).toEqual({});
    expect(s.reach.ageBand).toEqual({});
    expect(s.byTopic).toEqual({ itsme: 6 });
    expect(JSON.stringify(s)).not.toMatch(/man"|26_40/);
  });

  it('hides a total under 5 and lists no group of it', () => {
    const day = '2026-11-23';
    const s = summariseHelpCounts(
      [
        { day, dim: 'total', key: '', n: 1 },
        { day, dim: 'gender', key: 'man', n: 1 },
        { day, dim: 'topic', key: 'tax_on_web', n: 1 },
        { day, dim: 'topic_outcome', key: 'tax_on_web|solved', n: 1 },
        { day, dim: 'channel', key: 'phone', n: 1 },
      ],
      12,
    );
    expect(s.total).toBeNull();
    expect(s.peopleReached).toBeNull();
    expect(JSON.stringify(s)).not.toMatch(/man|tax_on_web|phone|solved/);
  });

  it('shows people reached and the did-it-themselves share only from shown counts', () => {
    const day = '2026-11-23';
    const base: DayCount[] = [
      { day, dim: 'total', key: '', n: 30 },
      { day, dim: 'channel', key: 'permanence', n: 20 },
      { day, dim: 'channel', key: 'street_stand', n: 10 },
      { day, dim: 'self', key: 'yes', n: 12 },
      { day, dim: 'self', key: 'together', n: 5 },
      { day, dim: 'self', key: 'helper', n: 8 },
      { day, dim: 'self', key: 'not_asked', n: 5 },
    ];
    const s = summariseHelpCounts(base, 25);
    expect(s.peopleReached).toBe(35); // 25 visitors + 10 helped outside a permanence
    expect(s.didItThemselvesShare).toBe(0.48); // 12 of the 25 asked (not asked: left out)
    expect(summariseHelpCounts(base, 3).peopleReached).toBeNull(); // visitors are hidden
    const fewTogether = base.map((r) => (r.key === 'together' ? { ...r, n: 2 } : r));
    expect(summariseHelpCounts(fewTogether, 25).didItThemselvesShare).toBeNull();
    const fewElsewhere = [
      ...base.filter((r) => r.dim !== 'channel'),
      { day, dim: 'channel', key: 'permanence', n: 27 },
      { day, dim: 'channel', key: 'phone', n: 3 },
    ];
    // 3 by phone is hidden, so permanence (27) is too: people reached would give both away.
    expect(summariseHelpCounts(fewElsewhere, 25).byChannel).toEqual({});
    expect(summariseHelpCounts(fewElsewhere, 25).peopleReached).toBeNull();
  });
});
