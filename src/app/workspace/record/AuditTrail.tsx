// A record's audit trail in words: when, who, and each changed field from what to what (the
// same labels and words as the record view), then the values a stale phone write overwrote.
import type { TableName } from '../../../shared/records';
import { ct, when } from '../i18n';
import { fieldLabel, isShown, valueText, type Naming } from './fields';

export interface AuditEntry {
  id: string;
  userId: string | null;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface MergeEntry {
  id: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  at: string;
  resolution: string | null;
}

/** "Outcome: from “Solved” to “Referred”" for each shown field an entry changed. */
export function changeLines(table: TableName, a: AuditEntry, naming: Naming): string[] {
  const before = a.before ?? {};
  const after = a.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(isShown);
  return fields.map((field) => {
    const label = fieldLabel(table, field);
    const from = valueText(table, field, before[field], naming);
    const to = valueText(table, field, after[field], naming);
    if (!from) return ct('audit.set', { field: label, to });
    if (!to) return ct('audit.cleared', { field: label, from });
    return ct('audit.change', { field: label, from, to });
  });
}

interface Props {
  table: TableName;
  audit: AuditEntry[];
  merges: MergeEntry[];
  naming: Naming;
}

/** The audit table and the overwritten values of one record. */
export function AuditTrail({ table, audit, merges, naming }: Props) {
  const who = (id: string | null) => (id ? (naming.names[id] ?? ct('audit.unknownUser')) : '');
  return (
    <>
      <h2 id="audit-title">{ct('detail.audit')}</h2>
      {audit.length === 0 ? (
        <p>{ct('detail.auditEmpty')}</p>
      ) : (
        <table aria-labelledby="audit-title">
          <thead>
            <tr>
              <th scope="col" class="nowrap">
                {ct('inbox.when')}
              </th>
              <th scope="col">{ct('audit.who')}</th>
              <th scope="col">{ct('audit.what')}</th>
            </tr>
          </thead>
          <tbody>
            {[...audit].reverse().map((a) => {
              const lines = changeLines(table, a, naming);
              return (
                <tr key={a.id}>
                  <td class="nowrap">{when(a.at, true)}</td>
                  <td>{who(a.userId)}</td>
                  <td>
                    {lines.length === 0 ? (
                      ct('audit.nothingShown')
                    ) : (
                      <ul class="ws-plain">
                        {lines.map((l) => (
                          <li key={l}>{l}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {merges.length > 0 && (
        <>
          <h2>{ct('detail.merges')}</h2>
          <ul>
            {merges.map((m) => (
              <li key={m.id}>
                {when(m.at, true)}:{' '}
                {ct('merge.text', {
                  field: fieldLabel(table, m.field),
                  old: valueText(table, m.field, m.oldValue, naming) || ct('common.empty'),
                  new: valueText(table, m.field, m.newValue, naming) || ct('common.empty'),
                })}
                {m.resolution === 'accepted' || m.resolution === 'restored'
                  ? ` (${ct(`merge.${m.resolution}`)})`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
