// Recent records on this phone with the sync state of each, before and after sending: first the
// ones a coordinator marked "has issues" (with the remark, to correct them), then help
// requests (open, edit, delete), permanences (open, edit even when closed, delete) and loans,
// open or returned (open, extend, return, delete). Edits and deletes go through the local store, so
// each becomes a new outbox entry. A returned loan stays listed until the sync after it: the
// server then withdraws it from volunteers' phones (no borrower data kept on them).
import { formatDateTime, getLanguage, label, t, topicLabel, tn } from '../../shared/i18n';
import {
  deleteHelpRequest,
  deleteLoan,
  deletePermanence,
  listEquipment,
  listRecentHelpRequests,
  listRecentLoans,
  listRecentPermanences,
  listRecordsWithIssues,
  topicNames,
} from '../../local';
import { Screen } from '../ui/Screen';
import { SyncBadge } from '../ui/SyncBadge';
import { useLive } from '../ui/useLive';
import { SavedNotice } from '../home/SavedNotice';
import { Attention } from './Attention';
import { DeleteButton } from './DeleteButton';

async function recentLoans() {
  const [loans, items] = await Promise.all([listRecentLoans(30), listEquipment()]);
  const tags = new Map(items.map((i) => [i.id, i.assetTag]));
  return loans.map((loan) => ({ loan, tag: tags.get(loan.equipmentId) ?? '?' }));
}

/** The recent records screen. */
export function RecentPage() {
  const lang = getLanguage();
  const help = useLive(() => listRecentHelpRequests(50));
  const topics = useLive(topicNames);
  const perms = useLive(() => listRecentPermanences(20));
  const loans = useLive(recentLoans);
  const issues = useLive(listRecordsWithIssues);
  const withIssues = new Set([...(issues?.help ?? []), ...(issues?.permanences ?? [])].map((r) => r.id));
  const issuesBadge = (id: string) =>
    withIssues.has(id) && <span class="badge badge-warn">{label('reviewState', 'has_issues')}</span>;
  return (
    <Screen title={t('recent.title')}>
      <SavedNotice />
      {issues && <Attention records={issues} topics={topics} />}
      <section aria-labelledby="recent-help-h">
        <h2 id="recent-help-h">{t('recent.help')}</h2>
        {help?.length === 0 && <p>{t('recent.none')}</p>}
        <ul class="list">
          {help?.map((h) => (
            <li key={h.id}>
              <a href={`#/help/${encodeURIComponent(h.id)}`}>
                {formatDateTime(lang, h.occurredAt)} · {h.topics.map((k) => topicLabel(k, topics)).join(', ')}{' '}
                · {label('outcome', h.outcome)}
              </a>
              {issuesBadge(h.id)}
              <SyncBadge record={h} />
              <DeleteButton onDelete={() => deleteHelpRequest(h.id)} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent-perm-h">
        <h2 id="recent-perm-h">{t('recent.permanences')}</h2>
        {perms?.length === 0 && <p>{t('recent.none')}</p>}
        <ul class="list">
          {perms?.map((p) => (
            <li key={p.id}>
              <a href={`#/permanence/${encodeURIComponent(p.id)}`}>
                {formatDateTime(lang, p.startedAt)} · {label('permanenceKind', p.kind)} ·{' '}
                {tn('recent.visitors', p.visitorCount)}
                {!p.endedAt && ` · ${t('recent.open')}`}
              </a>
              {issuesBadge(p.id)}
              <SyncBadge record={p} />
              <DeleteButton onDelete={() => deletePermanence(p.id)} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent-loans-h">
        <h2 id="recent-loans-h">{t('recent.loans')}</h2>
        {loans?.length === 0 && <p>{t('recent.none')}</p>}
        <ul class="list">
          {loans?.map(({ loan, tag }) => (
            <li key={loan.id}>
              <a href={`#/loans/${encodeURIComponent(loan.id)}`}>
                {tag} · {loan.borrowerCode} · {formatDateTime(lang, loan.startedAt)} ·{' '}
                {label('loanStatus', loan.status ?? 'active')}
              </a>
              <SyncBadge record={loan} />
              <DeleteButton onDelete={() => deleteLoan(loan.id)} />
            </li>
          ))}
        </ul>
      </section>
    </Screen>
  );
}
