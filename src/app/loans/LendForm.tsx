// Lending (or giving) one item: borrower code (a pseudonym, never a name), due date, the
// accessories that go with it (a checklist), condition, and whether the agreement was explained, in which
// language, and the consent step: the worker confirms the borrower was told what is written down
// (the borrower information text, shown here in their language) and agrees; no consent, no loan.
// A loan this phone knows is open blocks it (LoanBlockedError).
import { useState } from 'preact/hooks';
import { LANGUAGES, LOAN_KINDS, STANDARD_ACCESSORIES } from '../../shared/records';
import { addDaysToDay, brusselsDay, dayToIso, label, t } from '../../shared/i18n';
import { lendEquipment, LoanBlockedError, ValidationError, type LocalEquipment } from '../../local';
import { markSaved } from '../home/saved';
import { navigate } from '../router';
import { ChipGroup } from '../ui/ChipGroup';
import { useDirty } from '../ui/dirty';
import { DraftRestored } from '../ui/DraftRestored';
import { useDraftState } from '../ui/useDraftState';
import { errorMessage } from '../ui/errors';
import { Field, fieldAria, FieldError } from '../ui/Field';
import { InfoText } from '../ui/InfoText';
import { enumOptions } from '../ui/options';
import { fieldErrors, type IssueLike } from '../ui/validation';
import { Accessories, asAccessoryKeys } from './Accessories';
import { BlockedMessage } from './BlockedMessage';

interface Props {
  item: LocalEquipment;
}

/** The lend form of one item. */
export function LendForm({ item }: Props) {
  const own = asAccessoryKeys(item.accessories ?? []);
  const options = [...new Set([...STANDARD_ACCESSORIES, ...own])];
  // Kept as a draft while typed, so a killed tab reopens the form with it.
  const form = useDraftState(`lend:${item.id}`, {
    kind: 'loan' as 'loan' | 'gift',
    borrower: '',
    due: addDaysToDay(brusselsDay(), 28),
    accessories: own,
    otherAccessory: '',
    condition: item.condition ?? '',
    explained: false,
    agreementLang: '',
    consent: false,
  });
  const { kind, borrower, due, accessories, otherAccessory, condition, explained, agreementLang, consent } =
    form.value;
  const [showInfo, setShowInfo] = useState(false);
  const setKind = (v: 'loan' | 'gift') => form.update({ kind: v });
  const setBorrower = (v: string) => form.update({ borrower: v });
  const setDue = (v: string) => form.update({ due: v });
  const setAccessories = (v: string[]) => form.update({ accessories: v });
  const setOtherAccessory = (v: string) => form.update({ otherAccessory: v });
  const setCondition = (v: string) => form.update({ condition: v });
  const setExplained = (v: boolean) => form.update({ explained: v });
  const setAgreementLang = (v: string) => form.update({ agreementLang: v });
  const setConsent = (v: boolean) => form.update({ consent: v });
  const [issues, setIssues] = useState<IssueLike[]>([]);
  const [blocked, setBlocked] = useState<LoanBlockedError>();
  const [failure, setFailure] = useState<string>();
  useDirty(form.touched);
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
        accessoriesOut: otherAccessory.trim() ? [...accessories, otherAccessory.trim()] : accessories,
        conditionOut: condition.trim() || null,
        agreementExplained: explained,
        agreementLanguage: explained && agreementLang ? (agreementLang as (typeof LANGUAGES)[number]) : null,
        consent,
      });
      await form.done();
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
      {form.restored && <DraftRestored onDiscard={() => void form.discard()} />}
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
      <Accessories
        id="lend-accessories"
        legend={t('loans.accessoriesOut')}
        options={options}
        checked={accessories}
        onChange={setAccessories}
        other={{ value: otherAccessory, onChange: setOtherAccessory }}
      />
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
      <fieldset class={`consent${errors.consent ? ' field-invalid' : ''}`}>
        <legend>{t('loans.consentTitle')}</legend>
        <p id="lend-consent-hint" class="hint">
          {t('loans.consentHint')}
        </p>
        <button
          type="button"
          class="btn btn-secondary"
          aria-expanded={showInfo}
          aria-controls={showInfo ? 'lend-info' : undefined}
          onClick={() => setShowInfo(!showInfo)}
        >
          {showInfo ? t('loans.consentHide') : t('loans.consentShow')}
        </button>
        {showInfo && <InfoText kind="borrower" id="lend-info" />}
        <label class="check">
          <input
            type="checkbox"
            checked={consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? 'lend-consent-hint lend-consent-error' : 'lend-consent-hint'}
            onChange={(e) => setConsent(e.currentTarget.checked)}
          />
          {t('loans.consent')}
        </label>
        <FieldError id="lend-consent" error={errors.consent} />
      </fieldset>
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
