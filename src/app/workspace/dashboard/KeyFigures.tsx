// The key figures of a report: help requests, sessions, visitors, door-to-door counts, hours, loans. A hidden count
// reads "hidden", as in every table of the report (Hidden.tsx).
import { getLanguage } from '../../../shared/i18n';
import type { ReportSummary } from '../../../shared/report-summary';
import { ct } from '../i18n';
import { Figures } from '../ui/Figures';
import { shown } from './Hidden';

/** Visitors per session hour, when the visitors are shown (a rate of a hidden count is hidden). */
export function perHour(visitors: number | null, hours: number): number | null {
  if (visitors === null) return null;
  return hours > 0 ? Math.round((visitors / hours) * 10) / 10 : 0;
}

/** Doors, nobody at home and conversations of door-to-door rounds, when the period counted any. */
export function doorToDoor(r: ReportSummary): Array<[string, number | null]> {
  const p = r.permanences;
  if (p.doors === 0 && p.notHome === 0 && p.conversations === 0) return [];
  return [
    [ct('dashboard.doors'), p.doors],
    [ct('dashboard.notHome'), p.notHome],
    [ct('dashboard.conversations'), p.conversations],
  ];
}

/** The period's main numbers in a grid. */
export function KeyFigures({ r }: { r: ReportSummary }) {
  const lang = getLanguage();
  const p = r.permanences;
  const items: Array<[string, number | null]> = [
    [ct('dashboard.total'), r.total],
    [ct('dashboard.sessions'), p.sessions],
    [ct('dashboard.visitors'), p.visitors],
    [ct('dashboard.turnedAway'), p.turnedAway],
    [ct('dashboard.perHour'), perHour(p.visitors, p.hours)],
    // Door-to-door rounds, when the period had any (shared sessions, issue 14).
    ...doorToDoor(r),
    [ct('dashboard.volunteerHours'), p.volunteerHours],
    [ct('loanstat.active'), r.loans.active],
    [ct('loanstat.overdue'), r.loans.overdue],
    [ct('loanstat.returned'), r.loans.returned],
    [ct('loanstat.given'), r.loans.given],
  ];
  return <Figures items={items.map(([label, n]) => ({ label, value: shown(lang, n) }))} />;
}
