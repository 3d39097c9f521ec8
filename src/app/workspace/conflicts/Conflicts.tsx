// The conflicts queue in words: loans of an item lent twice (who has it, each loan's borrower,
// lender and dates, "who has it now?") and values a phone overwrote without seeing the latest
// version (the record by date, place and topics; the field by its form label; both values with
// who wrote them and when; keep or put back). Each answer is a new version the phones pull.
import { useState } from 'preact/hooks';
import type { ConflictsResponse, MergeConflict } from '../../../shared/conflicts';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useTopicNames } from '../topicNames';
import { PageHeader } from '../ui/PageHeader';
import { usePaged } from '../usePaged';
import { LoanConflictCard } from './LoanConflictCard';
import { MergeCard } from './MergeCard';

type Meta = Pick<ConflictsResponse, 'loans' | 'mergesTotal'>;
/** An overwritten value with the names its page came with. */
export interface MergeItem {
  merge: MergeConflict;
  names: Record<string, string>;
}

/** The server's names by kind, as one map (ids are unique across kinds). */
const flatNames = (n: ConflictsResponse['names']) => ({
  ...n.locations,
  ...n.partners,
  ...n.equipment,
  ...n.users,
});

/** The conflicts screen. */
export function Conflicts() {
  const topics = useTopicNames();
  const [notice, setNotice] = useState('');
  const queue = usePaged<MergeItem, Meta>(async (cursor) => {
    const page = await call<ConflictsResponse>('GET', '/conflicts', { query: { cursor } });
    const names = flatNames(page.names);
    return { items: page.merges.map((merge) => ({ merge, names })), cursor: page.cursor, meta: page };
  }, []);
  const resolve = async (id: string, body: unknown) => {
    try {
      await call('POST', `/conflicts/${id}/resolve`, { body });
      setNotice(ct('conflicts.resolved'));
      queue.reload();
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  const loans = queue.meta?.loans ?? [];
  const merges = queue.items ?? [];
  const total = queue.meta?.mergesTotal ?? 0;
  return (
    <section aria-labelledby="conflicts-title">
      <PageHeader id="conflicts-title" title={ct('nav.conflicts')} sub={ct('conflicts.intro')} />
      <p role="status">{notice}</p>
      <Status error={queue.error} loading={queue.loading && !queue.items} />
      {queue.items && loans.length === 0 && total === 0 && <p>{ct('conflicts.none')}</p>}
      {loans.length > 0 && (
        <section aria-labelledby="conflicts-loans" class="ws-section">
          <h2 id="conflicts-loans">{ct('conflicts.loans')}</h2>
          <p class="field-hint">{ct('conflicts.loansHint')}</p>
          {loans.map((c) => (
            <LoanConflictCard key={c.loan.id} conflict={c} onResolve={resolve} />
          ))}
        </section>
      )}
      {total > 0 && (
        <section aria-labelledby="conflicts-merges" class="ws-section">
          <h2 id="conflicts-merges">{ct('conflicts.merges')}</h2>
          <p class="field-hint">{ct('conflicts.mergesHint')}</p>
          {total > merges.length && (
            <p class="ws-muted">{ct('conflicts.count', { shown: merges.length, total })}</p>
          )}
          {merges.map((item) => (
            <MergeCard
              key={item.merge.id}
              merge={item.merge}
              naming={{ names: item.names, topicName: topics.name }}
              onResolve={resolve}
            />
          ))}
          {queue.hasMore && (
            <button type="button" class="secondary" disabled={queue.loadingMore} onClick={queue.more}>
              {ct('equipment.more')}
            </button>
          )}
        </section>
      )}
    </section>
  );
}
