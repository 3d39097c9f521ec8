// One overwritten value: which record (date, place, topics), which field (its form label), what
// it said before and what it says now, each with who wrote it and when, and two choices naming
// the values: keep the one now in place, or put the earlier one back.
import type { MergeConflict } from '../../../shared/conflicts';
import { ct, when } from '../i18n';
import { fieldLabel, subjectOf, valueWords, type Naming } from './words';

/** Where a record opens: items on their own page, the rest in the record view. */
function recordLink(m: MergeConflict): string {
  return m.table === 'equipment'
    ? `#/review/asset/${m.recordId}`
    : `#/review/record/${m.table}/${m.recordId}`;
}

/** "written by Vera on 28 Nov 2026, 14:02" (or without the name when it is not known). */
function written(by: string | null, at: string | null): string {
  if (!at) return '';
  return by
    ? ct('conflicts.wroteOn', { name: by, date: when(at, true) })
    : ct('conflicts.wroteOnUnknown', { date: when(at, true) });
}

interface Props {
  merge: MergeConflict;
  naming: Naming;
  onResolve: (id: string, body: unknown) => Promise<void>;
}

/** The card of an overwritten value. */
export function MergeCard({ merge: m, naming, onResolve }: Props) {
  const before = valueWords(m.table, m.field, m.oldValue, naming);
  const now = valueWords(m.table, m.field, m.newValue, naming);
  const titleId = `merge-${m.id}`;
  return (
    <article class="ws-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {subjectOf(m.table, m.record, naming)}{' '}
        {m.record && (
          <a class="ws-small" href={recordLink(m)}>
            {ct('conflicts.openRecord')}
          </a>
        )}
      </h3>
      <p>
        <strong>{fieldLabel(m.table, m.field)}</strong>
      </p>
      <div class="ws-sides">
        <div class="ws-side">
          <h4>{ct('conflicts.before')}</h4>
          <p class="ws-value">{before}</p>
          <p class="ws-muted">{written(m.overwrittenBy, m.overwrittenAt)}</p>
        </div>
        <div class="ws-side">
          <h4>{ct('conflicts.now')}</h4>
          <p class="ws-value">{now}</p>
          <p class="ws-muted">{written(m.writtenBy, m.at)}</p>
        </div>
      </div>
      <div class="ws-actions">
        <button type="button" onClick={() => void onResolve(m.id, { action: 'choose', keep: 'incoming' })}>
          {ct('conflicts.keepValue', { value: now })}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => void onResolve(m.id, { action: 'choose', keep: 'existing' })}
        >
          {ct('conflicts.restoreValue', { value: before })}
        </button>
      </div>
    </article>
  );
}
