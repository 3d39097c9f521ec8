// An item's status and what can happen next (intake -> ready -> on loan -> back -> repair ->
// retired, or given away): one button per step that makes sense now, a second "Yes, ..." for
// the ones that are hard to undo. Status changes are corrections of the item; an open loan
// ends through the loan itself, and the server then sets the item's status.
import { useState } from 'preact/hooks';
import type { EquipmentPageResponse, LoanEntry } from '../../../shared/inventory';
import { isOpenLoan } from '../../../shared/loan-rules';
import type { EquipmentStatus, LoanInput } from '../../../shared/records';
import { label } from '../../../shared/i18n';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct, when } from '../i18n';

interface Step {
  /** The coordinator message of the button. */
  text: Parameters<typeof ct>[0];
  /** The question of the second button; absent: done at once. */
  confirm?: Parameters<typeof ct>[0];
  run: () => Promise<unknown>;
  danger?: boolean;
  /** The usual next step: drawn as the main button. */
  main?: boolean;
}

/** The steps an item in `status` can take now. */
function stepsOf(page: EquipmentPageResponse, open: LoanEntry | undefined): Step[] {
  const e = page.equipment;
  const now = () => new Date().toISOString();
  const set = (changes: Record<string, unknown>) => () =>
    call('PATCH', `/records/equipment/${e.id}`, { body: { changes } });
  const loan = (changes: Record<string, unknown>) => () =>
    call('PATCH', `/records/loans/${open!.loan.id}`, { body: { changes } });
  const retire: Step = {
    text: 'asset.action.retire',
    confirm: 'asset.action.confirmRetire',
    run: set({ status: 'retired' }),
    danger: true,
  };
  const repair: Step = { text: 'asset.action.repair', run: set({ status: 'repair' }) };
  const byStatus: Record<EquipmentStatus, Step[]> = {
    intake: [
      { text: 'asset.action.ready', run: () => set({ status: 'ready', wipedAt: now() })(), main: true },
      repair,
      retire,
    ],
    ready: [{ text: 'asset.action.wiped', run: () => set({ wipedAt: now() })() }, repair, retire],
    repair: [{ text: 'asset.action.fromRepair', run: set({ status: 'ready' }), main: true }, retire],
    on_loan: open
      ? [
          {
            text: 'asset.action.returned',
            confirm: 'asset.action.confirmReturned',
            run: () => loan({ returnedAt: now() })(),
            main: true,
          },
          {
            text: 'asset.action.lost',
            confirm: 'asset.action.confirmLost',
            run: loan({ status: 'lost' }),
            danger: true,
          },
        ]
      : [],
    given: [],
    retired: [{ text: 'asset.action.reuse', run: set({ status: 'intake' }), main: true }],
  };
  return byStatus[e.status] ?? [];
}

/** Who has the item now, and until when. */
function CurrentLoan({ entry }: { entry: LoanEntry }) {
  const { loan, borrower, lentBy } = entry;
  const name = borrower?.name ?? loan.borrowerCode ?? ct('asset.unknown');
  return (
    <div>
      <h3>{ct('asset.nowOnLoan')}</h3>
      <p>
        {ct('asset.lentTo', { name, by: lentBy ?? ct('asset.unknown'), date: when(loan.startedAt) })}{' '}
        {loan.dueAt ? ct('asset.dueOn', { date: when(loan.dueAt) }) : ct('asset.noDueDate')}
      </p>
      {borrower && (borrower.phone || borrower.email) && (
        <p>
          {ct('loans.contact')}: {[borrower.phone, borrower.email].filter(Boolean).join(' · ')}
        </p>
      )}
    </div>
  );
}

/** The status panel of an item page. */
export function Lifecycle({ page, onChanged }: { page: EquipmentPageResponse; onChanged: () => void }) {
  const [asking, setAsking] = useState<Step>();
  const [notice, setNotice] = useState('');
  const open = page.loans.find((l) => isOpenLoan(l.loan as LoanInput));
  const steps = stepsOf(page, open);
  const tag = page.equipment.assetTag;
  const run = async (step: Step) => {
    setAsking(undefined);
    try {
      await step.run();
      setNotice(ct('asset.saved'));
      onChanged();
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  return (
    <aside class="ws-panel" aria-labelledby="asset-lifecycle">
      <h2 id="asset-lifecycle">{ct('asset.lifecycle')}</h2>
      <p>
        <span class={`ws-status ws-status-${page.equipment.status}`}>
          {label('equipmentStatus', page.equipment.status)}
        </span>
      </p>
      {open && <CurrentLoan entry={open} />}
      {page.equipment.status === 'ready' && <p class="field-hint">{ct('asset.action.lendOnPhone')}</p>}
      {page.equipment.status === 'given' && <p>{ct('asset.action.none')}</p>}
      <div class="ws-actions no-print">
        {asking ? (
          <>
            <button
              type="button"
              class={asking.danger ? 'danger' : undefined}
              onClick={() => void run(asking)}
            >
              {ct(asking.confirm!, { tag })}
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(undefined)}>
              {ct('asset.action.cancel')}
            </button>
          </>
        ) : (
          steps.map((s) => (
            <button
              key={s.text}
              type="button"
              class={s.main ? undefined : 'secondary'}
              onClick={() => (s.confirm ? setAsking(s) : void run(s))}
            >
              {ct(s.text)}
            </button>
          ))
        )}
      </div>
      <p role="status">{notice}</p>
    </aside>
  );
}
