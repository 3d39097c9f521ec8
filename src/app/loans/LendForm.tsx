// Lending (or giving) one item: borrower code (a pseudonym, never a name), due date, the
// accessories that go with it, condition, and whether the agreement was explained, in which
// language. A loan this phone knows is open blocks it (LoanBlockedError).
import { useState } from 'preact/hooks';
import { LANGUAGES, LOAN_KINDS } from '../../shared/records';
import { addDaysToDay, brusselsDay, dayToIso, label, t } from '../../shared/i18n';
import { lendEquipment, LoanBlockedError, ValidationError, type LocalEquipment } from '../../local';
import { markSaved } from '../home/saved';
import { navigate } from '../router';
import { ChipGroup } from '../ui/ChipGroup';
import { useDirty } from '../ui/dirty';
import { errorMessage } from '../ui/errors';
import { Field, fieldAria } from '../ui/Field';
import { enumOptions } from '../ui/options';
import { fieldErrors, type IssueLike } from '../ui/validation';
import { BlockedMessage } from './BlockedMessage';

interface Props {
  item: LocalEquipment;
}

/** The lend form of one item. */
export function LendForm({ item }: Props) {
  const [kind, setKind] = useState<'loan' | 'gift'>('loan');
  const [borrower, setBorrower] = useState('');
  const [due, setDue] = useState(() => addDaysToDay(brusselsDay(), 28));
  const [accessories, setAccessories] = useState<string[]>(item.accessories ?? []);
  const [condition, setCondition] = useState(item.condition ?? '');
  const [explained, setExplained] = useState(false);
  const [agreementLang, setAgreementLang] = useState('');
  const [issues, setIssues] = useState<IssueLike[]>([]);
  const [blocked, setBlocked] = useState<LoanBlockedError>();
  const [failure, setFailure] = useState<string>();
  useDirty(borrower !== '');
  const errors = fieldErrors(issues);

  const lend = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    try {
      const loan = await lendEquipment({
        equipmentId: item.id,
        kind,
        borrowerCode: borrower,
        dueAt: kind === 'loan' && due ? dayToIso(due) : null,
        accessoriesOut: accessories,
        conditionOut: condition.trim() || null,
        agreementExplained: explained,
        agreementLanguage: explained && agreementLang ? (agreementLang as (typeof LANGUAGES)[number]) : null,
      });
      setBorrower('');
      markSaved({ table: 'loans', id: loan.id });
      navigate('/loans');
    } catch (err) {
      if (err instanceof LoanBlockedError) setBlocked(err);
      else if (err instanceof ValidationError) setIssues(err.issues);
      else setFailure(errorMessage(err));
    }
  };

  return (
    <form class="lend-form" onSubmit={lend} noValidate>
      {blocked && <BlockedMessage loan={blocked.openLoan} />}
      <ChipGroup
        id="lend-kind"
        legend={t('loans.kind')}
        options={enumOptions('loanKind', LOAN_KINDS)}
        selected={[kind]}
        onChange={(s) => s[0] && setKind(s[0] as 'loan' | 'gift')}
      />
      <Field
        id="lend-borrower"
        label={t('loans.borrowerCode')}
        hint={t('loans.borrowerHint')}
        error={errors.borrowerCode}
      >
        <input
          {...fieldAria('lend-borrower', errors.borrowerCode, t('loans.borrowerHint'))}
          autocomplete="off"
          value={borrower}
          onInput={(e) => setBorrower(e.currentTarget.value)}
        />
      </Field>
      {kind === 'loan' && (
        <Field id="lend-due" label={t('loans.dueDate')} error={errors.dueAt}>
          <input
            {...fieldAria('lend-due', errors.dueAt)}
            type="date"
            value={due}
            onInput={(e) => setDue(e.currentTarget.value)}
          />
        </Field>
      )}
      {(item.accessories ?? []).length > 0 && (
        <fieldset class="checks">
          <legend>{t('loans.accessoriesOut')}</legend>
          {(item.accessories ?? []).map((a) => (
            <label key={a} class="check">
              <input
                type="checkbox"
                checked={accessories.includes(a)}
                onChange={(e) =>
                  setAccessories(
                    e.currentTarget.checked ? [...accessories, a] : accessories.filter((x) => x !== a),
                  )
                }
              />
              {a}
            </label>
          ))}
        </fieldset>
      )}
      <Field id="lend-condition" label={t('loans.conditionOut')} error={errors.conditionOut}>
        <input
          {...fieldAria('lend-condition', errors.conditionOut)}
          value={condition}
          onInput={(e) => setCondition(e.currentTarget.value)}
        />
      </Field>
      <label class="check">
        <input type="checkbox" checked={explained} onChange={(e) => setExplained(e.currentTarget.checked)} />
        {t('loans.agreementExplained')}
      </label>
      {explained && (
        <Field id="lend-agreement-lang" label={t('loans.agreementLanguage')}>
          <select
            {...fieldAria('lend-agreement-lang')}
            value={agreementLang}
            onChange={(e) => setAgreementLang(e.currentTarget.value)}
          >
            <option value="">—</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {label('language', l)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" class="btn btn-primary">
        {t('loans.lend')}
      </button>
    </form>
  );
}
