// The dashboard: key figures and charts for a chosen period, small groups hidden.
import { ct } from '../i18n';
import { Status } from '../Status';
import { Charts } from './Charts';
import { HiddenNote } from './Hidden';
import { KeyFigures } from './KeyFigures';
import { PeriodPicker } from './PeriodPicker';
import { Places } from './Places';
import { usePlaceNames } from './usePlaceNames';
import { useReport } from './useReport';

/** The dashboard screen. */
export function Dashboard() {
  const { period, setPeriod, report } = useReport();
  const names = usePlaceNames();
  const r = report.data;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{ct('nav.dashboard')}</h1>
      <PeriodPicker value={period} onChange={setPeriod} />
      <Status error={report.error} loading={!r} />
      {r && (
        <>
          <KeyFigures r={r} />
          <Charts r={r} />
          <Places r={r} names={names} />
          <HiddenNote />
        </>
      )}
    </section>
  );
}
