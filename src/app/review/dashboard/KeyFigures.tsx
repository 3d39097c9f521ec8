// The key figures of a report as cards: help requests, sessions, visitors, hours, loans.
import type { ReportSummary } from '../../../shared/report';
import { count, ct } from '../i18n';

/** Cards with the period's main numbers. */
export function KeyFigures({ r }: { r: ReportSummary }) {
  const p = r.permanences;
  const perHour = p.hours > 0 ? Math.round((p.visitors / p.hours) * 10) / 10 : 0;
  const cards: Array<[string, string]> = [
    [ct('dashboard.total'), String(r.total)],
    [ct('dashboard.sessions'), String(p.sessions)],
    [ct('dashboard.visitors'), String(p.visitors)],
    [ct('dashboard.turnedAway'), String(p.turnedAway)],
    [ct('dashboard.perHour'), String(perHour)],
    [ct('dashboard.volunteerHours'), String(p.volunteerHours)],
    [ct('loanstat.active'), count(r.loans.active)],
    [ct('loanstat.overdue'), count(r.loans.overdue)],
    [ct('loanstat.returned'), count(r.loans.returned)],
    [ct('loanstat.given'), count(r.loans.given)],
  ];
  return (
    <dl class="cards">
      {cards.map(([k, v]) => (
        <div class="card" key={k}>
          <dt>{k}</dt>
          <dd class="figure">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
