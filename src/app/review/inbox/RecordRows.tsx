// The inbox table: one row per record with a selection box, when, what, who and review state.
import { label } from '../../../shared/i18n';
import { ct, when } from '../i18n';
import type { TopicNaming } from '../topicNames';

export type Row = Record<string, unknown> & { id: string; reviewState: string };

interface Props {
  table: string;
  rows: Row[];
  people: Array<{ id: string; name: string }>;
  topicName: TopicNaming['name'];
  selected: Set<string>;
  onSelect: (s: Set<string>) => void;
}

/** A short description of a record for the list, in the coordinator's language. */
function what(r: Row, topicName: TopicNaming['name']): string {
  if (Array.isArray(r.topics)) {
    const topics = (r.topics as string[]).map(topicName).join(', ');
    return `${topics} · ${r.outcome ? label('outcome', String(r.outcome)) : ''}`;
  }
  if (typeof r.visitorCount === 'number')
    return `${label('permanenceKind', String(r.kind))} · ${r.visitorCount} / ${String(r.turnedAwayCount)}`;
  return String(r.name ?? r.assetTag ?? r.id);
}

/** The selectable record table. */
export function RecordRows({ table, rows, people, topicName, selected, onSelect }: Props) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <table>
      <thead>
        <tr>
          <th>
            <input
              type="checkbox"
              aria-label={ct('inbox.selectAll')}
              checked={all}
              onChange={() => onSelect(all ? new Set() : new Set(rows.map((r) => r.id)))}
            />
          </th>
          <th>{ct('inbox.when')}</th>
          <th>{ct('inbox.what')}</th>
          <th>{ct('inbox.by')}</th>
          <th>{ct('inbox.state')}</th>
          <th>
            <span class="visually-hidden">{ct('inbox.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <input
                type="checkbox"
                aria-label={`${ct('inbox.select')} ${when(String(r.occurredAt ?? r.startedAt ?? ''), true)}`}
                checked={selected.has(r.id)}
                onChange={() => toggle(r.id)}
              />
            </td>
            <td>{when(String(r.occurredAt ?? r.startedAt ?? r.receivedAt ?? ''), true)}</td>
            <td>{what(r, topicName)}</td>
            <td>{names.get(String(r.createdBy)) ?? ''}</td>
            <td class={`state-${r.reviewState}`}>{ct(`review.${r.reviewState as 'new'}`)}</td>
            <td>
              <a href={`#/review/record/${table}/${r.id}`}>{ct('inbox.open')}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
