// One loan: its facts, "Extend" with a new due date, and "Return" with the condition and the
// accessories that came back (a checklist of what went out; what is missing is named).
import { useState } from 'preact/hooks';
import { isOpenLoan } from '../../shared/loan-rules';
import { addDaysToDay, brusselsDay, dayToIso, formatDate, getLanguage, label, t } from '../../shared/i18n';
import { extendLoan, getEquipment, getLoan, returnLoan, type LocalLoan } from '../../local';
import { markSaved } from '../home/saved';
import { navigate } from '../router';
import { errorMessage } from '../ui/errors';
import { Field, fieldAria } from '../ui/Field';
import { Screen } from '../ui/Screen';
import { useLive } from '../ui/useLive';
import { Accessories, missingAccessories } from './Accessories';

/** Extend and return actions of an open loan. */
function LoanActions({ loan }: { loan: LocalLoan }) {
  const base = loan.dueAt ? brusselsDay(loan.dueAt) : brusselsDay();
  const [due, setDue] = useState(() => addDaysToDay(base, 14));
  const [condition, setCondition] = useState('');
  const out = loan.accessoriesOut ?? [];
  const [back, setBack] = useState<string[]>(out);
  const missing = missingAccessories(out, back);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const run = async (action: () => Promise<LocalLoan>, done: string, leave: boolean) => {
    setFailure(undefined);
    try {
      const saved = await action();
      markSaved({ table: 'loans', id: saved.id });
      if (leave) navigate('/loans');
      else setMessage(done);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };

  return (
    <>
      {message && (
        <p class="notice notice-ok" role="status">
          {message}
        </p>
      )}
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <form
        class="extend-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => extendLoan(loan.id, dayToIso(due)), t('loans.extended'), false);
        }}
      >
        <h2>{t('loans.extendTitle')}</h2>
        <Field id="loan-new-due" label={t('loans.newDueDate')}>
          <input
            {...fieldAria('loan-new-due')}
            type="date"
            value={due}
            onInput={(e) => setDue(e.currentTarget.value)}
          />
        </Field>
        <button type="submit" class="btn btn-secondary">
          {t('loans.extend')}
        </button>
      </form>
      <form
        class="return-form"
        onSubmit={(e) => {
          e.preventDefault();
          const input = { conditionIn: condition.trim() || null, accessoriesIn: back };
          void run(() => returnLoan(loan.id, input), t('loans.returned'), true);
        }}
      >
        <h2>{t('loans.returnTitle')}</h2>
        <Field id="loan-condition-in" label={t('loans.conditionIn')}>
          <input
            {...fieldAria('loan-condition-in')}
            value={condition}
            onInput={(e) => setCondition(e.currentTarget.value)}
          />
        </Field>
        {out.length > 0 && (
          <>
            <Accessories
              id="return-accessories"
              legend={t('loans.accessoriesIn')}
              options={out}
              checked={back}
              onChange={setBack}
            />
            {missing && (
              <p class="notice notice-warn" role="status">
                {t('loans.notReturned', { list: missing })}
              </p>
            )}
          </>
        )}
        <button type="submit" class="btn btn-primary">
          {t('loans.return')}
        </button>
      </form>
    </>
  );
}

/** The loan page. */
export function LoanPage({ id }: { id: string }) {
  const loan = useLive(async () => (await getLoan(id)) ?? null, [id]);
  const item = useLive(
    async () => (loan ? ((await getEquipment(loan.equipmentId)) ?? null) : null),
    [loan?.equipmentId],
  );
  const lang = getLanguage();
  if (loan === undefined)
    return (
      <Screen title={t('loans.loanTitle')} back="#/loans">
        <p class="loading">{t('common.loading')}</p>
      </Screen>
    );
  if (loan === null)
    return (
      <Screen title={t('loans.loanTitle')} back="#/loans">
        <p role="alert">{t('error.not_found')}</p>
      </Screen>
    );
  return (
    <Screen title={t('loans.loanTitle')} back="#/loans">
      <dl class="item-facts">
        <dt>{t('loans.assetTag')}</dt>
        <dd>{item?.assetTag ?? '…'}</dd>
        <dt>{t('loans.borrowerCode')}</dt>
        <dd>{loan.borrowerCode}</dd>
        <dt>{t('loans.kind')}</dt>
        <dd>{label('loanKind', loan.kind)}</dd>
        <dt>{t('loans.since')}</dt>
        <dd>{formatDate(lang, loan.startedAt)}</dd>
        {loan.dueAt && (
          <>
            <dt>{t('loans.dueDate')}</dt>
            <dd>{formatDate(lang, loan.dueAt)}</dd>
          </>
        )}
        <dt>{t('loans.status')}</dt>
        <dd>{label('loanStatus', loan.status ?? 'active')}</dd>
      </dl>
      {isOpenLoan(loan) ? <LoanActions loan={loan} /> : <p>{t('loans.closed')}</p>}
    </Screen>
  );
}
