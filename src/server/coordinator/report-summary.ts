// GET /reports/summary: help-request figures from the rollup, permanence figures summed over
// the sessions that started in the period, and equipment figures from the loans. Counts of
// people go through the hiding rule of src/shared/report.ts; equipment, sessions and hours
// are not people and are shown as they are.
import { loanEndedAt, loanStatus } from '../records/columns';
import { brusselsDayStart, hideColumn, hideSmall, nextDay, type ReportQuery } from '../../shared/report';
import { summariseHelpCounts, type ReportSummary } from '../../shared/report-summary';
import { SESSION_COUNTERS } from '../../shared/records';
import { sessionTotals, type SessionTotals } from '../../shared/sessions';
import type { CoordDb } from './db';
import { dayCounts, refreshReportCounts } from './report-rollup';

type Data = Record<string, unknown>;
const HOUR = 3_600_000;

/** Rounds hours to one decimal. */
function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Adds n to counts[key]. */
function bump(counts: Record<string, number>, key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** The instant range [start, end) of a period of Brussels days. */
export function periodRange(q: ReportQuery): { start: string; end: string } {
  return {
    start: brusselsDayStart(q.from).toISOString(),
    end: brusselsDayStart(nextDay(q.to)).toISOString(),
  };
}

/** Whether a free-text field holds something. */
function filled(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '';
}

/** Hours of a session (0 while open or when its end is before its start). */
function sessionHours(p: Data): number {
  const startedAt = Date.parse(String(p.startedAt));
  const endedAt = typeof p.endedAt === 'string' ? Date.parse(p.endedAt) : NaN;
  return Number.isNaN(endedAt) || endedAt < startedAt ? 0 : (endedAt - startedAt) / HOUR;
}

/** The session counters a stored record holds (missing as 0). */
function countsOf(d: Data): SessionTotals {
  return Object.fromEntries(SESSION_COUNTERS.map((c) => [c, Number(d[c] ?? 0)])) as SessionTotals;
}

/**
 * What the phones that joined the period's sessions counted (shared sessions, issue 14), by
 * permanence id: one query joined on the permanences that started in the period.
 */
async function memberCounts(db: CoordDb, orgId: string, start: string, end: string) {
  const rows = await db
    .selectFrom('session_members as m')
    .innerJoin('permanences as p', (j) =>
      j.onRef('p.org_id', '=', 'm.org_id').onRef('p.id', '=', 'm.permanence_id'),
    )
    .select(['m.data', 'm.permanence_id', 'm.created_by'])
    .where('m.org_id', '=', orgId)
    .where('m.deleted', '=', 0)
    .where('p.deleted', '=', 0)
    .where('p.started_at', '>=', start)
    .where('p.started_at', '<', end)
    .execute();
  const byPermanence = new Map<string, Array<Data & { by: string | null }>>();
  for (const r of rows) {
    const list = byPermanence.get(String(r.permanence_id)) ?? [];
    list.push({ ...(JSON.parse(r.data) as Data), by: r.created_by });
    byPermanence.set(String(r.permanence_id), list);
  }
  return byPermanence;
}

/**
 * Sessions, hours, visitors, turned away, door-to-door counts, volunteer hours and signals of the
 * period, per place too. A shared session counts once, with the sum of every phone's counts.
 */
async function permanenceFigures(db: CoordDb, orgId: string, q: ReportQuery) {
  const { start, end } = periodRange(q);
  const [rows, members] = await Promise.all([
    db
      .selectFrom('permanences')
      .select(['id', 'data', 'location_id'])
      .where('org_id', '=', orgId)
      .where('deleted', '=', 0)
      .where('started_at', '>=', start)
      .where('started_at', '<', end)
      .execute(),
    memberCounts(db, orgId, start, end),
  ]);
  const totals = {
    ...{ sessions: 0, hours: 0, visitors: 0, turnedAway: 0, volunteerHours: 0, signals: 0 },
    ...{ doors: 0, notHome: 0, conversations: 0 },
  };
  const byKind: Record<string, number> = {};
  const places: Record<string, { sessions: number; hours: number }> = {};
  const visitors: Record<string, number> = {};
  const turnedAway: Record<string, number> = {};
  for (const row of rows) {
    const p = JSON.parse(row.data) as Data;
    const joined = members.get(row.id) ?? [];
    const counts = sessionTotals(countsOf(p), joined.map(countsOf));
    const hours = sessionHours(p);
    // Everyone who joined on their own phone staffed the session too (each person once).
    const people = new Set([
      ...(Array.isArray(p.staffUserIds) ? (p.staffUserIds as unknown[]).map(String) : []),
      ...joined.map((m, i) => m.by ?? `member-${i}`),
    ]);
    const staff = Math.max(1, people.size);
    const helpers = staff + (typeof p.extraHelpers === 'number' ? p.extraHelpers : 0);
    const place = row.location_id ?? 'none';
    totals.sessions += 1;
    totals.hours += hours;
    totals.visitors += counts.visitorCount;
    totals.turnedAway += counts.turnedAwayCount;
    totals.doors += counts.doorCount;
    totals.notHome += counts.notHomeCount;
    totals.conversations += counts.conversationCount;
    totals.volunteerHours += hours * helpers;
    if (filled(p.serviceSignals)) totals.signals += 1;
    bump(byKind, String(p.kind));
    const at = (places[place] ??= { sessions: 0, hours: 0 });
    at.sessions += 1;
    at.hours += hours;
    bump(visitors, place, counts.visitorCount);
    bump(turnedAway, place, counts.turnedAwayCount);
  }
  const shownVisitors = hideSmall(totals.visitors);
  const shownTurnedAway = hideSmall(totals.turnedAway);
  const visitorsByPlace = hideColumn(visitors, shownVisitors === null);
  const turnedAwayByPlace = hideColumn(turnedAway, shownTurnedAway === null);
  const byLocation: ReportSummary['permanences']['byLocation'] = {};
  for (const [k, v] of Object.entries(places)) {
    byLocation[k] = {
      sessions: v.sessions,
      hours: round1(v.hours),
      visitors: visitorsByPlace[k] as number | null, // null: hidden (not 0)
      turnedAway: turnedAwayByPlace[k] as number | null,
    };
  }
  return {
    raw: totals,
    shown: {
      sessions: totals.sessions,
      hours: round1(totals.hours),
      visitors: shownVisitors,
      turnedAway: shownTurnedAway,
      // Doors and doors where nobody was at home are not people; conversations are.
      doors: totals.doors,
      notHome: totals.notHome,
      conversations: hideSmall(totals.conversations),
      volunteerHours: round1(totals.volunteerHours),
      byKind,
      byLocation,
    },
  };
}

/** Items on loan now (and overdue now); items lent, returned and given in the period, by kind. */
async function loanFigures(
  db: CoordDb,
  orgId: string,
  q: ReportQuery,
  now: Date,
): Promise<ReportSummary['loans']> {
  const { start, end } = periodRange(q);
  // An organisation has hundreds to a few thousand loans: reading them all is a few ms.
  const [loans, items] = await Promise.all([
    db.selectFrom('loans').select('data').where('org_id', '=', orgId).where('deleted', '=', 0).execute(),
    db.selectFrom('equipment').select(['id', 'data']).where('org_id', '=', orgId).execute(),
  ]);
  const kindOf = new Map(items.map((e) => [e.id, String((JSON.parse(e.data) as Data).kind ?? 'other')]));
  const inPeriod = (at: string | null) => at !== null && at >= start && at < end;
  const out: ReportSummary['loans'] = {
    ...{ active: 0, overdue: 0, lent: 0, returned: 0, given: 0 },
    ...{ lentByKind: {}, givenByKind: {} },
  };
  for (const row of loans) {
    const l = JSON.parse(row.data) as Data;
    const status = loanStatus(l);
    if (status === 'conflict') continue; // waits for a coordinator: not (yet) a loan
    const kind = kindOf.get(String(l.equipmentId)) ?? 'other';
    const startedAt = typeof l.startedAt === 'string' ? new Date(l.startedAt).toISOString() : null;
    if (status === 'active') {
      out.active += 1;
      if (typeof l.dueAt === 'string' && Date.parse(l.dueAt) < now.getTime()) out.overdue += 1;
    }
    if (l.kind === 'gift') {
      if (status === 'given' && inPeriod(startedAt)) {
        out.given += 1;
        bump(out.givenByKind, kind);
      }
      continue;
    }
    if (inPeriod(startedAt)) {
      out.lent += 1;
      bump(out.lentByKind, kind);
    }
    if (status === 'returned' && inPeriod(loanEndedAt(l))) out.returned += 1;
  }
  return out;
}

/** The summary report of a period for one organisation. */
export async function reportSummary(
  db: CoordDb,
  orgId: string,
  q: ReportQuery,
  now = new Date(),
): Promise<ReportSummary> {
  await refreshReportCounts(db, orgId);
  const [counts, permanences, loans] = await Promise.all([
    dayCounts(db, orgId, q.from, q.to),
    permanenceFigures(db, orgId, q),
    loanFigures(db, orgId, q, now),
  ]);
  const help = summariseHelpCounts(counts, permanences.raw.visitors, permanences.raw.conversations);
  return {
    from: q.from,
    to: q.to,
    ...help,
    signals: { ...help.signals, sessions: permanences.raw.signals },
    permanences: permanences.shown,
    loans,
  };
}
