// Pure report rules shared by the server (which aggregates) and the coordinator UI (which shows
// the figures): Brussels calendar days and ISO weeks, the fact keys a help request counts
// under, and small-group hiding (a count from 1 to 4 is never shown, so nobody is singled out).
import { z } from './zod';

/** Counts below this size are hidden in every breakdown. */
export const MIN_GROUP_SIZE = 5;
/** The time zone reports are computed in. */
export const REPORT_TIME_ZONE = 'Europe/Brussels';

/** A calendar day, `YYYY-MM-DD`. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real date',
  );

/** `?from&to` of the report routes: Brussels calendar days, both included. */
export const reportQuery = z
  .strictObject({ from: isoDay, to: isoDay })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type ReportQuery = z.infer<typeof reportQuery>;

/** A breakdown: key -> count, where null means "fewer than 5". */
export type Breakdown = Record<string, number | null>;

const breakdown = z.record(z.string(), z.number().int().nullable());

export const reportSummary = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byTopic: breakdown,
  byOutcome: breakdown,
  byChannel: breakdown,
  byLocation: breakdown,
  byWeek: breakdown,
  /** Extra for the charts: week -> topic -> count. */
  byWeekTopic: z.record(z.string(), breakdown),
  /** Extra for the charts: topic -> outcome -> count (referrals are outcome "referred"). */
  byTopicOutcome: z.record(z.string(), breakdown),
  reach: z.object({ ageBand: breakdown, gender: breakdown, language: breakdown }),
  permanences: z.object({
    sessions: z.number().int(),
    hours: z.number(),
    visitors: z.number().int(),
    turnedAway: z.number().int(),
    volunteerHours: z.number(),
    byLocation: z.record(
      z.string(),
      z.object({
        sessions: z.number().int(),
        hours: z.number(),
        visitors: z.number().int().nullable(),
        turnedAway: z.number().int().nullable(),
      }),
    ),
  }),
  loans: breakdown,
});
export type ReportSummary = z.infer<typeof reportSummary>;

/** Hides a count from 1 to 4 (returns null); 0 and 5+ are shown as they are. */
export function hideSmall(n: number): number | null {
  return n >= 1 && n < MIN_GROUP_SIZE ? null : n;
}

/** Applies small-group hiding to every count of a breakdown. */
export function hideSmallGroups(counts: Record<string, number>): Breakdown {
  const out: Breakdown = {};
  for (const [k, n] of Object.entries(counts)) out[k] = hideSmall(n);
  return out;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Brussels calendar day (`YYYY-MM-DD`) of an instant. */
export function brusselsDay(instant: string | Date): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The ISO-8601 week of a calendar day, as "2026-W47". */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The UTC instant at which a Brussels calendar day starts (handles summer time). */
export function brusselsDayStart(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  // Brussels is UTC+1 or UTC+2: try both offsets and keep the one that lands on local midnight.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(guess.getTime() - offsetHours * 3_600_000);
    if (brusselsDay(candidate) === day && brusselsDay(new Date(candidate.getTime() - 1)) !== day)
      return candidate;
  }
  return new Date(guess.getTime() - 3_600_000);
}

/** The next calendar day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The fields of a help request that reports count. */
export interface HelpFactSource {
  occurredAt: string;
  channel: string;
  outcome: string;
  topics: readonly string[];
  locationId?: string | null;
  ageBand?: string | null;
  gender?: string | null;
  language?: string | null;
}

/** Dimensions a help request is counted under; `topic_outcome` keys are "topic|outcome". */
export const HELP_DIMENSIONS = [
  'total',
  'topic',
  'outcome',
  'channel',
  'location',
  'age',
  'gender',
  'language',
  'topic_outcome',
] as const;
export type HelpDimension = (typeof HELP_DIMENSIONS)[number];

/** One counted fact: a help request adds 1 to (day, dim, key). */
export interface HelpFact {
  dim: HelpDimension;
  key: string;
}

/** The facts one help request contributes to the report (each topic counted once). */
export function helpFacts(r: HelpFactSource): HelpFact[] {
  const topics = [...new Set(r.topics)];
  const facts: HelpFact[] = [
    { dim: 'total', key: '' },
    { dim: 'outcome', key: r.outcome },
    { dim: 'channel', key: r.channel },
    { dim: 'location', key: r.locationId ?? 'none' },
    { dim: 'age', key: r.ageBand ?? 'unknown' },
    { dim: 'gender', key: r.gender ?? 'unknown' },
    { dim: 'language', key: r.language ?? 'unknown' },
  ];
  for (const t of topics) {
    facts.push({ dim: 'topic', key: t }, { dim: 'topic_outcome', key: `${t}|${r.outcome}` });
  }
  return facts;
}

/** A stored count of the rollup: how many help requests of one day fall under (dim, key). */
export interface DayCount {
  day: string;
  dim: string;
  key: string;
  n: number;
}

type HelpPart = Pick<
  ReportSummary,
  | 'total'
  | 'byTopic'
  | 'byOutcome'
  | 'byChannel'
  | 'byLocation'
  | 'byWeek'
  | 'byWeekTopic'
  | 'byTopicOutcome'
  | 'reach'
>;

/** Adds n to counts[key]. */
function bump(counts: Record<string, number>, key: string, n: number): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** Turns day counts into the help-request part of the summary, small groups hidden. */
export function summariseHelpCounts(rows: readonly DayCount[]): HelpPart {
  const by: Record<string, Record<string, number>> = {};
  const weekTopic: Record<string, Record<string, number>> = {};
  const topicOutcome: Record<string, Record<string, number>> = {};
  let total = 0;
  for (const r of rows) {
    if (r.n === 0) continue;
    if (r.dim === 'total') {
      total += r.n;
      bump((by.week ??= {}), isoWeek(r.day), r.n);
    } else if (r.dim === 'topic_outcome') {
      const [topic = '', outcome = ''] = r.key.split('|');
      bump((topicOutcome[topic] ??= {}), outcome, r.n);
    } else {
      bump((by[r.dim] ??= {}), r.key, r.n);
      if (r.dim === 'topic') bump((weekTopic[isoWeek(r.day)] ??= {}), r.key, r.n);
    }
  }
  const hide = (dim: string): Breakdown => hideSmallGroups(by[dim] ?? {});
  const hideNested = (m: Record<string, Record<string, number>>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, hideSmallGroups(v)]));
  return {
    total,
    byTopic: hide('topic'),
    byOutcome: hide('outcome'),
    byChannel: hide('channel'),
    byLocation: hide('location'),
    byWeek: hide('week'),
    byWeekTopic: hideNested(weekTopic),
    byTopicOutcome: hideNested(topicOutcome),
    reach: { ageBand: hide('age'), gender: hide('gender'), language: hide('language') },
  };
}
