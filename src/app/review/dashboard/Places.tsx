// Activity per place: sessions, hours, visitors, turned away, visitors per session hour.
import type { ReportSummary } from '../../../shared/report';
import { count, ct } from '../i18n';

/** The per-place table; `names` maps location ids to names. */
export function Places({ r, names }: { r: ReportSummary; names: Map<string, string> }) {
  const rows = Object.entries(r.permanences.byLocation);
  if (rows.length === 0) return null;
  return (
    <>
      <h2>{ct('dashboard.places')}</h2>
      <table>
        <thead>
          <tr>
            <th>{ct('filter.place')}</th>
            <th>{ct('dashboard.sessions')}</th>
            <th>{ct('dashboard.hours')}</th>
            <th>{ct('dashboard.visitors')}</th>
            <th>{ct('dashboard.turnedAway')}</th>
            <th>{ct('dashboard.perHour')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, p]) => (
            <tr key={id}>
              <td>{names.get(id) ?? (id === 'none' ? ct('common.none') : id)}</td>
              <td>{p.sessions}</td>
              <td>{p.hours}</td>
              <td>{count(p.visitors)}</td>
              <td>{count(p.turnedAway)}</td>
              <td>
                {p.visitors !== null && p.hours > 0 ? Math.round((p.visitors / p.hours) * 10) / 10 : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
