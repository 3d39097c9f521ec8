// Activity per place: sessions, hours, visitors, turned away, visitors per session hour. A
// hidden figure reads "hidden", as in the key figures (Hidden.tsx).
import { getLanguage } from '../../../shared/i18n';
import type { ReportSummary } from '../../../shared/report-summary';
import { ct } from '../i18n';
import { shown } from './Hidden';
import { perHour } from './KeyFigures';

/** The per-place table; `names` maps location ids to names. */
export function Places({ r, names }: { r: ReportSummary; names: Map<string, string> }) {
  const lang = getLanguage();
  const rows = Object.entries(r.permanences.byLocation);
  if (rows.length === 0) return null;
  return (
    <>
      <h2>{ct('dashboard.places')}</h2>
      <table class="ws-report-table">
        <thead>
          <tr>
            <th scope="col">{ct('filter.place')}</th>
            <th scope="col" class="num">
              {ct('dashboard.sessions')}
            </th>
            <th scope="col" class="num">
              {ct('dashboard.hours')}
            </th>
            <th scope="col" class="num">
              {ct('dashboard.visitors')}
            </th>
            <th scope="col" class="num">
              {ct('dashboard.turnedAway')}
            </th>
            <th scope="col" class="num">
              {ct('dashboard.perHour')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, p]) => (
            <tr key={id}>
              <th scope="row">{id === 'none' ? ct('common.none') : (names.get(id) ?? '')}</th>
              <td class="num">{shown(lang, p.sessions)}</td>
              <td class="num">{shown(lang, p.hours)}</td>
              <td class="num">{shown(lang, p.visitors)}</td>
              <td class="num">{shown(lang, p.turnedAway)}</td>
              <td class="num">{shown(lang, perHour(p.visitors, p.hours))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
