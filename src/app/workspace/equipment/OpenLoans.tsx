// Open loans by due date (GET /loans): the most overdue first, grouped by how late they are
// (60+, 30+, 7+ days, less than a week, due within a week, later), with who has the item and
// how to reach them (coordinators only; the retention job deletes the identity 6 months after
// the loan ends). Read page after page from the server, so nothing drops off the list.
import { useEffect, useState } from 'preact/hooks';
import type { LoanListResponse, LoanView } from '../../../shared/inventory';
import { LOAN_BUCKETS } from '../../../shared/inventory';
import { call } from '../api';
import { Field } from '../Field';
import { ct } from '../i18n';
import { Status } from '../Status';
import { PageHeader } from '../ui/PageHeader';
import { usePaged } from '../usePaged';
import { LoansTable } from './LoansTable';

type Meta = Pick<LoanListResponse, 'counts'>;
const VIEWS: LoanView[] = ['open', 'overdue_any', ...LOAN_BUCKETS];

/** How many open loans a view holds, from the bucket counts. */
function countOf(view: LoanView, counts: LoanListResponse['counts'] | undefined): number {
  if (!counts) return 0;
  if (view === 'open') return LOAN_BUCKETS.reduce((n, b) => n + counts[b], 0);
  if (view === 'overdue_any')
    return counts.overdue + counts.overdue_7 + counts.overdue_30 + counts.overdue_60;
  return counts[view];
}

/** The open-loans screen. */
export function OpenLoans() {
  const [view, setView] = useState<LoanView>('open');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(t);
  }, [search]);
  const list = usePaged<LoanListResponse['loans'][number], Meta>(
    async (cursor) => {
      const page = await call<LoanListResponse>('GET', '/loans', { query: { bucket: view, q, cursor } });
      return { items: page.loans, cursor: page.cursor, meta: page };
    },
    [view, q],
  );
  const counts = list.meta?.counts;
  const total = countOf(view, counts);
  return (
    <section aria-labelledby="loans-title">
      <PageHeader
        id="loans-title"
        title={ct('nav.loans')}
        sub={list.items && !q ? ct('loans.showing', { shown: list.items.length, total }) : undefined}
      />
      <form
        class="ws-toolbar"
        role="search"
        aria-label={ct('filter.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Field id="loans-view" label={ct('loans.view')}>
          {(a) => (
            <select {...a} value={view} onChange={(e) => setView(e.currentTarget.value as LoanView)}>
              {VIEWS.map((v) => (
                <option key={v} value={v}>
                  {ct('equipment.withCount', { label: ct(`loans.${v}`), n: countOf(v, counts) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="loans-search" label={ct('loans.search')}>
          {(a) => (
            <input
              {...a}
              type="search"
              value={search}
              maxLength={40}
              autoComplete="off"
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
          )}
        </Field>
      </form>
      <Status error={list.error} loading={list.loading && !list.items} />
      {list.items &&
        (list.items.length === 0 ? (
          <p>{q ? ct('loans.noMatch') : view === 'open' ? ct('loans.none') : ct('loans.noneHere')}</p>
        ) : (
          <LoansTable loans={list.items} counts={q ? undefined : counts} busy={list.loading} />
        ))}
      {list.hasMore && (
        <button type="button" class="secondary" disabled={list.loadingMore} onClick={list.more}>
          {ct('equipment.more')}
        </button>
      )}
    </section>
  );
}
