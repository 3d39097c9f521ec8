// The printable period report for a funder: one page of key figures and charts in the
// coordinator's language; the print stylesheet (review.css) hides the navigation.
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { Charts } from './Charts';
import { KeyFigures } from './KeyFigures';
import { PeriodPicker } from './PeriodPicker';
import { Places } from './Places';
import { usePlaceNames } from './usePlaceNames';
import { useReport } from './useReport';

/** The funder report screen. */
export function FunderReport() {
  const { period, setPeriod, report } = useReport();
  const names = usePlaceNames();
  const r = report.data;
  return (
    <article class="report" aria-labelledby="report-title">
      <PeriodPicker value={period} onChange={setPeriod} />
      <button type="button" class="no-print" onClick={() => window.print()}>
        {ct('report.print')}
      </button>
      <h1 id="report-title">{ct('report.title', { from: when(period.from), to: when(period.to) })}</h1>
      <Status error={report.error} loading={!r} />
      {r && (
        <>
          <h2>{ct('report.keyFigures')}</h2>
          <KeyFigures r={r} />
          <Charts r={r} compact />
          <Places r={r} names={names} />
          <p>{ct('dashboard.hidden')}</p>
        </>
      )}
    </article>
  );
}
