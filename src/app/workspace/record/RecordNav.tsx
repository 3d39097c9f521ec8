// Previous / next record in the inbox's order (the filters and sort the coordinator left the
// inbox with, inbox/view.ts), as buttons and as the keys p / n. Shown only for a record that is
// in that list; the next page of the list is read when the next record is past what was read.
import { useState } from 'preact/hooks';
import { messageOf } from '../api';
import { ct } from '../i18n';
import { neighbour, positionOf } from '../inbox/view';
import { KeyHint, useShortcuts } from '../ui/keys';

/** The record's place in the inbox's list and the ways to its neighbours. */
export function RecordNav({ table, id }: { table: string; id: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState('');
  const at = positionOf(table, id);
  const go = async (step: 1 | -1) => {
    if (busy) return;
    setBusy(true);
    setFailed('');
    try {
      // From the record the address names now (a key pressed again before this screen caught up).
      const here = window.location.hash.split('/').pop() || id;
      const to = await neighbour(table, here, step);
      if (to) window.location.hash = `#/review/record/${table}/${to}`;
    } catch (e) {
      setFailed(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  useShortcuts((e) => {
    if (!at) return;
    if (e.key === 'n') void go(1);
    else if (e.key === 'p') void go(-1);
  });
  if (!at) return null;
  const [n, total, more] = at;
  return (
    <nav class="ws-record-nav no-print" aria-label={ct('nav.inbox')}>
      <button type="button" class="secondary" disabled={busy || n === 1} onClick={() => void go(-1)}>
        {ct('record.previous')}
      </button>
      <span aria-live="polite">{ct(more ? 'record.positionMore' : 'record.position', { n, total })}</span>
      <button
        type="button"
        class="secondary"
        disabled={busy || (n === total && !more)}
        onClick={() => void go(1)}
      >
        {ct('record.next')}
      </button>
      <KeyHint
        label={ct('keys.label')}
        keys={[
          [['n'], ct('keys.next')],
          [['p'], ct('keys.previous')],
        ]}
      />
      {failed && <span role="alert">{ct('common.error', { message: failed })}</span>}
    </nav>
  );
}
