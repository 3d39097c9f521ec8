// GET /reports/summary: help-request figures from the rollup, permanence figures summed over
// the sessions that started in the period, and loan figures; small groups hidden throughout.
import { loanEndedAt, loanStatus } from '../records/columns';
import {
  brusselsDayStart,
  hideSmall,
  hideSmallGroups,
  nextDay,
  summariseHelpCounts,
  type ReportQuery,
  type ReportSummary,
} from '../../shared/report';
import type { CoordDb } from './db';
import { dayCounts, refreshReportCounts } from './report-rollup';

type Data = Record<string, unknown>;
const HOUR = 3_600_000;

/** Rounds hours to one decimal. */
function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The instant range [start, end) of a period of Brussels days. */
export function periodRange(q: ReportQuery): { start: string; end: string } {
  return {
    start: brusselsDayStart(q.from).toISOString(),
    end: brusselsDayStart(nextDay(q.to)).toISOString(),
  };
}

/** Sessions, hours, visitors, turned away and volunteer hours of the period, per place too. */
async function permanenceFigures(db: CoordDb, orgId: string, q: ReportQuery) {
  const { start, end } = periodRange(q);
  const rows = await db
    .selectFrom('permanences')
    .select(['data', 'location_id'])
    .where('org_id', '=', orgId)
    .where('deleted', '=', 0)
    .where('started_at', '>=', start)
    .where('started_at', '<', end)
    .execute();
  const totals = { sessions: 0, hours: 0, visitors: 0, turnedAway: 0, volunteerHours: 0 };
  const places: Record<string, { sessions: number; hours: number; visitors: number; turnedAway: number }> =
    {};
  for (const row of rows) {
    const p = JSON.parse(row.data) as Data;
    const startedAt = Date.parse(String(p.startedAt));
    const endedAt = typeof p.endedAt === 'string' ? Date.parse(p.endedAt) : NaN;
    const hours = Number.isNaN(endedAt) || endedAt < startedAt ? 0 : (endedAt - startedAt) / HOUR;
    const staff = Math.max(1, Array.isArray(p.staffUserIds) ? p.staffUserIds.length : 0);
    const helpers = staff + (typeof p.extraHelpers === 'number' ? p.extraHelpers : 0);
    const visitors = Number(p.visitorCount ?? 0);
    const turnedAway = Number(p.turnedAwayCount ?? 0);
    totals.sessions += 1;
    totals.hours += hours;
    totals.visitors += visitors;
    totals.turnedAway += turnedAway;
    totals.volunteerHours += hours * helpers;
    const place = (places[row.location_id ?? 'none'] ??= {
      sessions: 0,
      hours: 0,
      visitors: 0,
      turnedAway: 0,
    });
    place.sessions += 1;
    place.hours += hours;
    place.visitors += visitors;
    place.turnedAway += turnedAway;
  }
  const byLocation: ReportSummary['permanences']['byLocation'] = {};
  for (const [k, v] of Object.entries(places)) {
    byLocation[k] = {
      sessions: v.sessions,
      hours: round1(v.hours),
      visitors: hideSmall(v.visitors),
      turnedAway: hideSmall(v.turnedAway),
    };
  }
  return {
    ...totals,
    hours: round1(totals.hours),
    volunteerHours: round1(totals.volunteerHours),
    byLocation,
  };
}

/** Loans open now (and overdue now), and loans returned or given in the period. */
async function loanFigures(db: CoordDb, orgId: string, q: ReportQuery, now: Date) {
  const { start, end } = periodRange(q);
  const open = await db
    .selectFrom('loans')
    .select('data')
    .where('org_id', '=', orgId)
    .where('open', '=', 1)
    .execute();
  const ended = await db
    .selectFrom('loans')
    .select('data')
    .where('org_id', '=', orgId)
    .where('deleted', '=', 0)
    .where('ended_at', '>=', start)
    .where('ended_at', '<', end)
    .execute();
  const counts = { active: 0, overdue: 0, returned: 0, given: 0 };
  for (const row of open) {
    const l = JSON.parse(row.data) as Data;
    counts.active += 1;
    if (typeof l.dueAt === 'string' && Date.parse(l.dueAt) < now.getTime()) counts.overdue += 1;
  }
  for (const row of ended) {
    const l = JSON.parse(row.data) as Data;
    const status = loanStatus(l);
    if (status === 'returned' && loanEndedAt(l)) counts.returned += 1;
    if (status === 'given') counts.given += 1;
  }
  return hideSmallGroups(counts);
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
  return { from: q.from, to: q.to, ...summariseHelpCounts(counts), permanences, loans };
}
