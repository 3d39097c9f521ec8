// The inbox table: one dense row per record, in words. Help requests: when, where, topics,
// outcome, did it themselves, volunteer, review state; permanence logs: when, where, kind,
// visitors / turned away, volunteer, review state. The sortable headers ask the server for its
// order (Inbox), they never reorder the rows here. The row the keyboard is on is `current`.
import { label } from '../../../shared/i18n';
import type { RecordSort } from '../../../shared/review';
import { ct, when } from '../i18n';
import type { TopicNaming } from '../topicNames';
import { SortHeader, type Sort } from '../ui/sort';

export type Row = Record<string, unknown> & {
  id: string;
  reviewState: string;
  reviewComment?: string | null;
  /** The place's name, from the server's `names`. */
  placeName?: string;
  /** The volunteer's name, from the server's `names`. */
  volunteerName?: string;
};

interface Props {
  table: string;
  rows: Row[];
  topicName: TopicNaming['name'];
  sort: Sort<RecordSort>;
  onSort: (key: RecordSort) => void;
  /** A new order or filter is being read: the rows shown are the previous ones. */
  busy: boolean;
  current: number;
  onCurrent: (i: number) => void;
  onOpen: (i: number) => void;
  selected: Set<string>;
  onSelect: (s: Set<string>) => void;
}

const timeOf = (r: Row) => String(r.occurredAt ?? r.startedAt ?? r.receivedAt ?? '');

/** Where it happened in words: the place's name and, under it, a help request's channel. */
function whereOf(r: Row) {
  const channel = typeof r.channel === 'string' ? label('channel', r.channel) : '';
  if (!r.placeName) return channel;
  return (
    <>
      {r.placeName}
      {channel && (
        <>
          <span class="visually-hidden">, </span>
          <span class="ws-sub">{channel}</span>
        </>
      )}
    </>
  );
}

/** "Did it themselves" as the coordinator reads it (the phone's "I did it" is the helper's). */
function didItOf(r: Row): string {
  if (typeof r.didItThemselves !== 'string') return '';
  return r.didItThemselves === 'helper' ? ct('col.didItHelper') : label('didIt', r.didItThemselves);
}

/** The selectable, sortable record table. */
export function RecordRows({
  table,
  rows,
  topicName,
  sort,
  onSort,
  busy,
  current,
  onCurrent,
  onOpen,
  selected,
  onSelect,
}: Props) {
  const help = table === 'help_requests';
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const header = (column: RecordSort, text: string) => (
    <SortHeader column={column} label={text} sort={sort} onSort={onSort} />
  );
  return (
    <div class="ws-scroll ws-inbox">
      <table aria-label={ct('inbox.tableLabel')} aria-busy={busy ? 'true' : undefined}>
        <thead>
          <tr>
            <th scope="col" class="ws-narrow">
              <input
                type="checkbox"
                aria-label={ct('inbox.selectAll')}
                checked={all}
                onChange={() => onSelect(all ? new Set() : new Set(rows.map((r) => r.id)))}
              />
            </th>
            {header('when', ct('inbox.when'))}
            {header('where', ct('inbox.where'))}
            {help ? (
              <>
                <th scope="col">{ct('inbox.topics')}</th>
                {header('outcome', ct('inbox.outcome'))}
                <th scope="col" class="ws-wrap">
                  {ct('inbox.didIt')}
                </th>
              </>
            ) : (
              <>
                <th scope="col">{ct('inbox.kind')}</th>
                <th scope="col" class="num">
                  {ct('inbox.visitors')}
                </th>
              </>
            )}
            {header('volunteer', ct('inbox.volunteer'))}
            {header('state', ct('inbox.state'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const at = when(timeOf(r), true);
            const comment = r.reviewState === 'has_issues' && r.reviewComment ? r.reviewComment : '';
            return (
              <tr
                key={r.id}
                data-row={i}
                class={i === current ? 'ws-current' : undefined}
                tabIndex={i === current ? 0 : -1}
                onFocusCapture={() => i !== current && onCurrent(i)}
              >
                <td class="ws-narrow">
                  <input
                    type="checkbox"
                    aria-label={`${ct('inbox.select')} ${at}`}
                    checked={selected.has(r.id)}
                    onChange={() => toggle(r.id)}
                  />
                </td>
                <td class="nowrap">
                  <a
                    href={`#/review/record/${table}/${r.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(i);
                    }}
                  >
                    {at}
                  </a>
                </td>
                <td>{whereOf(r)}</td>
                {help ? (
                  <>
                    <td>{Array.isArray(r.topics) ? (r.topics as string[]).map(topicName).join(', ') : ''}</td>
                    <td>{typeof r.outcome === 'string' ? label('outcome', r.outcome) : ''}</td>
                    <td>{didItOf(r)}</td>
                  </>
                ) : (
                  <>
                    <td>{typeof r.kind === 'string' ? label('permanenceKind', r.kind) : ''}</td>
                    <td class="num">
                      {typeof r.visitorCount === 'number'
                        ? `${r.visitorCount} / ${Number(r.turnedAwayCount ?? 0)}`
                        : ''}
                    </td>
                  </>
                )}
                <td>{r.volunteerName ?? (r.createdBy ? ct('field.removed') : '')}</td>
                <td class="ws-state">
                  <span class={`state-${r.reviewState}`}>{ct(`review.${r.reviewState as 'new'}`)}</span>
                  {comment && (
                    <span class="ws-comment" title={comment}>
                      <span class="visually-hidden">{ct('detail.comment')}: </span>“{comment}”
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
