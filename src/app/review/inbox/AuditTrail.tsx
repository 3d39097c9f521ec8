// A record's audit trail (who, when, before, after) and its overwritten values.
import { ct, when } from '../i18n';

export interface Detail {
  record: Record<string, unknown>;
  audit: Array<{ id: string; userId: string | null; at: string; before: unknown; after: unknown }>;
  merges: Array<{
    id: string;
    field: string;
    oldValue: unknown;
    newValue: unknown;
    at: string;
    resolution: string | null;
  }>;
}

/** The audit and merge tables of a record; `names` maps user ids to names. */
export function AuditTrail({ detail, names }: { detail: Detail; names: Map<string, string> }) {
  return (
    <>
      <h2 id="audit-title">{ct('detail.audit')}</h2>
      {detail.audit.length === 0 ? (
        <p>{ct('detail.auditEmpty')}</p>
      ) : (
        <table aria-labelledby="audit-title">
          <thead>
            <tr>
              <th>{ct('inbox.when')}</th>
              <th>{ct('inbox.by')}</th>
              <th>{ct('detail.before')}</th>
              <th>{ct('detail.after')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.audit.map((a) => (
              <tr key={a.id}>
                <td>{when(a.at, true)}</td>
                <td>{a.userId ? (names.get(a.userId) ?? a.userId) : ''}</td>
                <td>
                  <code>{JSON.stringify(a.before)}</code>
                </td>
                <td>
                  <code>{JSON.stringify(a.after)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.merges.length > 0 && (
        <>
          <h2>{ct('detail.merges')}</h2>
          <ul>
            {detail.merges.map((m) => (
              <li key={m.id}>
                {when(m.at, true)}: {m.field} {JSON.stringify(m.oldValue)} → {JSON.stringify(m.newValue)}
                {m.resolution ? ` (${m.resolution})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
