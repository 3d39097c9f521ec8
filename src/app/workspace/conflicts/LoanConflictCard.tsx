// One item lent twice: what each loan says (to whom, by whom, when, due when) side by side, and
// the question "who has it now?" answered by naming the person: the second borrower (the first
// loan ends when the second began) or the first (the second loan is cancelled).
import type { LoanConflict } from '../../../shared/conflicts';
import type { LoanEntry } from '../../../shared/inventory';
import { ct, when } from '../i18n';
import { makeModel } from '../equipment/InventoryTable';

/** The person of a loan: their name, else the borrower code, else "unknown". */
const personOf = (e: Pick<LoanEntry, 'loan' | 'borrower'>) =>
  e.borrower?.name ?? e.loan.borrowerCode ?? ct('asset.unknown');

/** What one side of the conflict says. */
function Side({ title, entry }: { title: string; entry: LoanEntry }) {
  const { loan, borrower } = entry;
  const who = borrower && loan.borrowerCode ? `${borrower.name} (${loan.borrowerCode})` : personOf(entry);
  return (
    <div class="ws-side">
      <h4>{title}</h4>
      <p>
        {ct('conflicts.loanWords', {
          name: who,
          by: entry.lentBy ?? ct('asset.unknown'),
          date: when(loan.startedAt),
        })}
        {loan.dueAt && <> {ct('conflicts.dueWords', { date: when(loan.dueAt) })}</>}
      </p>
    </div>
  );
}

interface Props {
  conflict: LoanConflict;
  onResolve: (id: string, body: unknown) => Promise<void>;
}

/** The card of a loan in conflict. */
export function LoanConflictCard({ conflict, onResolve }: Props) {
  const e = conflict.equipment;
  const item = e ? [e.assetTag, makeModel(e)].filter(Boolean).join(' · ') : ct('asset.unknown');
  const first = conflict.openLoans[0];
  const titleId = `conflict-${conflict.loan.id}`;
  return (
    <article class="ws-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {ct('conflicts.lentTwice', { item })}{' '}
        {e && (
          <a class="ws-small" href={`#/review/asset/${e.id}`}>
            {ct('conflicts.openItem')}
          </a>
        )}
      </h3>
      <div class="ws-sides">
        {first ? <Side title={ct('conflicts.first')} entry={first} /> : <p>{ct('conflicts.noFirst')}</p>}
        <Side title={ct('conflicts.second')} entry={conflict} />
      </div>
      <div class="ws-actions">
        <button
          type="button"
          onClick={() => void onResolve(conflict.loan.id, { action: 'choose', keep: 'incoming' })}
        >
          {first
            ? ct('conflicts.keepSecond', { name: personOf(conflict), date: when(conflict.loan.startedAt) })
            : ct('conflicts.keepSecondOnly')}
        </button>
        {first && (
          <button
            type="button"
            class="secondary"
            onClick={() => void onResolve(conflict.loan.id, { action: 'choose', keep: 'existing' })}
          >
            {ct('conflicts.keepFirst', { name: personOf(first) })}
          </button>
        )}
      </div>
    </article>
  );
}
