// The printable period report for a funder, on one A4 page (checked by
// tests/e2e/funder-report.test.ts): what neighbourhood projects report to their funders: help
// requests, people reached, the share who did it themselves and who did the steps, referrals
// per partner, devices lent and given (equipment: never hidden), permanence sessions, visitors
// and people turned away (every phone of a shared session summed), door-to-door counts, service signals per service, help requests per week, activity per
// place. Long lists keep their largest rows and add up the rest ("Other (n)"). The print
// stylesheet (workspace.css) hides the navigation and sets the A4 page.
import { getLanguage } from '../../../shared/i18n';
import { DID_IT_THEMSELVES } from '../../../shared/records';
import type { ReportSummary } from '../../../shared/report-summary';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { useTopicNames } from '../topicNames';
import { Figures } from '../ui/Figures';
import { ChartBox } from './ChartBox';
import { keyLabel, topRows, weekSeries } from './charts';
import { HiddenNote, shown } from './Hidden';
import { doorToDoor } from './KeyFigures';
import { PeriodPicker } from './PeriodPicker';
import { Places } from './Places';
import { useNames } from './usePlaceNames';
import { useReport } from './useReport';
import { label } from '../../../shared/i18n';

/** A share 0..1 as "62 %" in the language's format; hidden when null. */
function percent(share: number | null): string {
  return share === null
    ? ct('common.hidden')
    : new Intl.NumberFormat(getLanguage(), { style: 'percent' }).format(share);
}

/** Who did the steps, in the order of the phone's four-way choice (then not recorded). */
function didItRows(r: ReportSummary) {
  const keys = [...DID_IT_THEMSELVES, 'unknown'].filter((k) => k in r.didItThemselves);
  const name = (k: string) =>
    k === 'helper' ? ct('col.didItHelper') : k === 'unknown' ? ct('chart.unknown') : label('didIt', k);
  return {
    labels: keys.map(name),
    series: [{ label: ct('report.people'), values: keys.map((k) => r.didItThemselves[k] ?? null) }],
  };
}

/** Devices lent and given in the period, by kind (counts of equipment: never hidden). */
function equipmentRows(r: ReportSummary) {
  const { lentByKind, givenByKind } = r.loans;
  const kinds = [...new Set([...Object.keys(lentByKind), ...Object.keys(givenByKind)])].sort();
  return {
    labels: kinds.map((k) => keyLabel('equipmentKind', k)),
    series: [
      { label: ct('report.lent'), values: kinds.map((k) => lentByKind[k] ?? 0) },
      { label: ct('report.given'), values: kinds.map((k) => givenByKind[k] ?? 0) },
    ],
  };
}

/** The report's figures and tables. */
function Report({ r }: { r: ReportSummary }) {
  const lang = getLanguage();
  const places = useNames('locations');
  const partners = useNames('partners');
  const topics = useTopicNames();
  const allHidden = r.total !== 0;
  const referrals = topRows(r.byPartner, (id) => partners.get(id) ?? '');
  const signals = topRows(r.signals.byTopic, topics.name);
  const figures: Array<[string, string]> = [
    [ct('dashboard.total'), shown(lang, r.total)],
    [ct('report.peopleReached'), shown(lang, r.peopleReached)],
    [ct('report.didItShare'), r.total === 0 ? '–' : percent(r.didItThemselvesShare)],
    [ct('dashboard.sessions'), shown(lang, r.permanences.sessions)],
    [ct('dashboard.visitors'), shown(lang, r.permanences.visitors)],
    [ct('dashboard.turnedAway'), shown(lang, r.permanences.turnedAway)],
    ...doorToDoor(r).map(([l, n]): [string, string] => [l, shown(lang, n)]),
    [ct('dashboard.volunteerHours'), shown(lang, r.permanences.volunteerHours)],
    [ct('report.devicesLent'), shown(lang, r.loans.lent)],
    [ct('report.devicesGiven'), shown(lang, r.loans.given)],
    [ct('report.signalsTotal'), shown(lang, r.signals.helpRequests)],
  ];
  return (
    <>
      <Figures items={figures.map(([l, value]) => ({ label: l, value }))} />
      <div class="ws-report-grid">
        <ChartBox
          tableOnly
          allHidden={allHidden}
          title={ct('report.didIt')}
          rowHead={ct('report.didIt')}
          {...didItRows(r)}
        />
        <ChartBox
          tableOnly
          allHidden={allHidden}
          title={ct('report.referrals')}
          rowHead={ct('report.partner')}
          labels={referrals.labels}
          series={[{ label: ct('report.referred'), values: referrals.values }]}
        />
        <ChartBox tableOnly title={ct('report.equipment')} rowHead={ct('col.kind')} {...equipmentRows(r)} />
        <div>
          <ChartBox
            tableOnly
            allHidden={r.signals.helpRequests !== 0}
            title={ct('report.signals')}
            rowHead={ct('report.service')}
            labels={signals.labels}
            series={[{ label: ct('dashboard.total'), values: signals.values }]}
          />
          {r.signals.sessions > 0 && (
            <p>{ct('report.signalSessions', { n: shown(lang, r.signals.sessions) })}</p>
          )}
        </div>
      </div>
      <ChartBox
        allHidden={allHidden}
        title={ct('dashboard.perWeekTotal')}
        rowHead={ct('chart.week')}
        {...weekSeries(r)}
      />
      <Places r={r} names={places} />
      <HiddenNote />
    </>
  );
}

/** The funder report screen. */
export function FunderReport() {
  const { period, setPeriod, report } = useReport();
  const r = report.data;
  return (
    <article class="report" aria-labelledby="report-title">
      <PeriodPicker value={period} onChange={setPeriod} />
      <button type="button" class="no-print" onClick={() => window.print()}>
        {ct('report.print')}
      </button>
      <h1 id="report-title">{ct('report.title', { from: when(period.from), to: when(period.to) })}</h1>
      <Status error={report.error} loading={!r} />
      {r && <Report r={r} />}
    </article>
  );
}
