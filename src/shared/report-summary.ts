// The summary report (GET /reports/summary): its shape, the facts a help request is counted
// under in the rollup, and the pure step from day counts to the figures as shown, with the
// hiding rule of report.ts applied to every count of people.
import { DID_IT_THEMSELVES_YES, didItThemselvesOf } from './records';
import { z } from './zod';
import { hideGroups, hideSmall, hideTable, isoWeek, shareOf, type Breakdown, type Shown } from './report';

/** Bump when helpFacts changes: every organisation's rollup is then rebuilt (report-rollup.ts). */
export const ROLLUP_VERSION = 3;

const breakdown = z.record(z.string(), z.number().int());
const shown = z.number().int().nullable();
const counts = z.record(z.string(), z.number().int());

export const reportSummary = z.object({
  from: z.string(),
  to: z.string(),
  /** Help requests (one person helped each). */
  total: shown,
  /**
   * People met: permanence visitors, conversations of door-to-door rounds, and people helped
   * outside a permanence.
   */
  peopleReached: shown,
  byTopic: breakdown,
  byOutcome: breakdown,
  byChannel: breakdown,
  byLocation: breakdown,
  byWeek: breakdown,
  /** Week -> topic -> help requests. */
  byWeekTopic: z.record(z.string(), breakdown),
  /** Topic -> outcome -> help requests. */
  byTopicOutcome: z.record(z.string(), breakdown),
  /** Did the person do it themselves: yes, together, helper, not_asked, unknown (not recorded). */
  didItThemselves: breakdown,
  /** yes / (yes + together + helper), 0..1, when all three are shown. */
  didItThemselvesShare: z.number().nullable(),
  /** Partner id -> help requests referred to it. */
  byPartner: breakdown,
  reach: z.object({ ageBand: breakdown, gender: breakdown, language: breakdown }),
  signals: z.object({
    /** Help requests with a signal about a service. */
    helpRequests: shown,
    /** Topic (the service) -> help requests with a signal. */
    byTopic: breakdown,
    /** Permanence sessions that noted signals (sessions are not people: never hidden). */
    sessions: z.number().int(),
  }),
  permanences: z.object({
    sessions: z.number().int(),
    hours: z.number(),
    visitors: shown,
    turnedAway: shown,
    /** Door-to-door rounds: doors knocked on and doors where nobody was at home (not people: never hidden). */
    doors: z.number().int(),
    notHome: z.number().int(),
    /** Door-to-door rounds: conversations held (people). */
    conversations: shown,
    volunteerHours: z.number(),
    /** Permanence kind -> sessions. */
    byKind: counts,
    byLocation: z.record(
      z.string(),
      z.object({ sessions: z.number().int(), hours: z.number(), visitors: shown, turnedAway: shown }),
    ),
  }),
  /** Equipment, not people: never hidden. */
  loans: z.object({
    /** On loan now, and overdue now. */
    active: z.number().int(),
    overdue: z.number().int(),
    /** Lent, returned and given away in the period. */
    lent: z.number().int(),
    returned: z.number().int(),
    given: z.number().int(),
    /** Equipment kind -> items lent / given in the period. */
    lentByKind: counts,
    givenByKind: counts,
  }),
});
export type ReportSummary = z.infer<typeof reportSummary>;

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
  /** A choice of DID_IT_THEMSELVES, or the boolean of older records. */
  didItThemselves?: unknown;
  referralPartnerIds?: readonly string[] | null;
  serviceSignal?: string | null;
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
  'self',
  'partner',
  'signal',
  'signal_topic',
] as const;
export type HelpDimension = (typeof HELP_DIMENSIONS)[number];

/** One counted fact: a help request adds 1 to (day, dim, key). */
export interface HelpFact {
  dim: HelpDimension;
  key: string;
}

/** The facts one help request contributes to the report (each topic and partner once). */
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
    { dim: 'self', key: didItThemselvesOf(r.didItThemselves) ?? 'unknown' },
  ];
  for (const t of topics) {
    facts.push({ dim: 'topic', key: t }, { dim: 'topic_outcome', key: `${t}|${r.outcome}` });
  }
  for (const p of new Set(r.referralPartnerIds ?? [])) facts.push({ dim: 'partner', key: p });
  if (typeof r.serviceSignal === 'string' && r.serviceSignal.trim() !== '') {
    facts.push({ dim: 'signal', key: '' }, ...topics.map((t) => ({ dim: 'signal_topic' as const, key: t })));
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

export type HelpPart = Omit<ReportSummary, 'from' | 'to' | 'permanences' | 'loans'>;

/** Adds n to counts[key]. */
function bump(counts: Record<string, number>, key: string, n: number): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** Day counts added up per dimension, per week and topic, and per topic and outcome. */
function addUp(rows: readonly DayCount[]) {
  const by: Record<string, Record<string, number>> = {};
  const weekTopic: Record<string, Record<string, number>> = {};
  const topicOutcome: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    if (r.n === 0) continue;
    if (r.dim === 'total') bump((by.week ??= {}), isoWeek(r.day), r.n);
    if (r.dim === 'topic_outcome') {
      const [topic = '', outcome = ''] = r.key.split('|');
      bump((topicOutcome[topic] ??= {}), outcome, r.n);
      continue;
    }
    bump((by[r.dim] ??= {}), r.key, r.n);
    if (r.dim === 'topic') bump((weekTopic[isoWeek(r.day)] ??= {}), r.key, r.n);
  }
  return { by, weekTopic, topicOutcome };
}

/**
 * Turns day counts into the help-request part of the summary, every count of people hidden by
 * the rule of report.ts. `visitors` (permanence headcounts of the period) and `conversations`
 * (door-to-door rounds) make people reached: visitors plus conversations plus help requests
 * outside a permanence, shown only when every part is.
 */
export function summariseHelpCounts(rows: readonly DayCount[], visitors = 0, conversations = 0): HelpPart {
  const { by, weekTopic, topicOutcome } = addUp(rows);
  const raw = (dim: string) => by[dim] ?? {};
  const totalRaw = raw('total')[''] ?? 0;
  const total = hideSmall(totalRaw);
  const hide = (dim: string) => hideGroups(raw(dim), total === null);
  const byTopic = hide('topic');
  const hiddenTopics = new Set(Object.keys(raw('topic')).filter((t) => !(t in byTopic)));
  const byChannel = hide('channel');
  const self = hide('self');
  const signalsRaw = raw('signal')[''] ?? 0;
  const signals = hideSmall(signalsRaw);
  const inPermanence = raw('channel').permanence ?? 0;
  const reachedParts: Shown[] = [
    total,
    hideSmall(visitors),
    hideSmall(conversations),
    inPermanence === 0 || 'permanence' in byChannel ? inPermanence : null,
  ];
  const peopleReached = reachedParts.includes(null)
    ? null
    : hideSmall(visitors + conversations + totalRaw - inPermanence);
  return {
    total,
    peopleReached,
    byTopic,
    byOutcome: hide('outcome'),
    byChannel,
    byLocation: hide('location'),
    byWeek: hide('week'),
    byWeekTopic: hideTable(weekTopic, { columns: hiddenTopics }),
    byTopicOutcome: hideTable(topicOutcome, { rows: hiddenTopics }),
    didItThemselves: self,
    didItThemselvesShare: shownShare(raw('self'), self),
    byPartner: hide('partner'),
    reach: { ageBand: hide('age'), gender: hide('gender'), language: hide('language') },
    signals: {
      helpRequests: signals,
      byTopic: hideGroups(raw('signal_topic'), signals === null),
      sessions: 0,
    },
  };
}

/** The answers that count as asked: the share is `yes` among them. */
const ASKED = ['yes', 'together', 'helper'] as const;

/** The share who did it themselves among those asked, when every answer it counts is shown. */
function shownShare(raw: Record<string, number>, shownSelf: Breakdown): number | null {
  const parts = ASKED.map((k): Shown => ((raw[k] ?? 0) === 0 ? 0 : (shownSelf[k] ?? null)));
  if (parts.includes(null)) return null;
  const asked = (parts as number[]).reduce((a, b) => a + b, 0);
  return shareOf(shownSelf[DID_IT_THEMSELVES_YES] ?? 0, asked);
}
