// Equipment and loans: find an item by its asset tag (typed, or scanned where the browser can),
// and the list of open loans with the overdue ones first.
import { useState } from 'preact/hooks';
import { overdueBucket } from '../../shared/loan-rules';
import { formatDate, getLanguage, t } from '../../shared/i18n';
import { findEquipmentByAssetTag, listEquipment, listOpenLoans } from '../../local';
import { navigate } from '../router';
import { Field, fieldAria } from '../ui/Field';
import { Screen } from '../ui/Screen';
import { useLive } from '../ui/useLive';
import { SavedNotice } from '../home/SavedNotice';
import { canScan, Scanner } from './Scan';

/** Open loans with their items' asset tags. */
async function openLoans() {
  const [loans, items] = await Promise.all([listOpenLoans(), listEquipment()]);
  const tags = new Map(items.map((i) => [i.id, i.assetTag]));
  return loans.map((l) => ({ loan: l, tag: tags.get(l.equipmentId) ?? '?' }));
}

/** The equipment and loans screen. */
export function LoansPage() {
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string>();
  const [scanning, setScanning] = useState(false);
  const loans = useLive(openLoans);
  const lang = getLanguage();

  const find = async (value: string) => {
    if (!value.trim()) return setError(t('validation.required'));
    const item = await findEquipmentByAssetTag(value);
    if (item) navigate(`/loans/lend/${encodeURIComponent(item.id)}`);
    else setError(t('loans.notFound', { tag: value.trim() }));
  };

  return (
    <Screen title={t('loans.title')}>
      <SavedNotice />
      <form
        class="find-form"
        onSubmit={(e) => {
          e.preventDefault();
          void find(tag);
        }}
        noValidate
      >
        <Field id="asset-tag" label={t('loans.assetTag')} error={error}>
          <input
            {...fieldAria('asset-tag', error)}
            autocomplete="off"
            autocapitalize="characters"
            value={tag}
            onInput={(e) => {
              setTag(e.currentTarget.value);
              setError(undefined);
            }}
          />
        </Field>
        <button type="submit" class="btn btn-primary">
          {t('loans.find')}
        </button>
        {canScan() && (
          <button type="button" class="btn btn-secondary" onClick={() => setScanning(true)}>
            {t('loans.scan')}
          </button>
        )}
      </form>
      {scanning && (
        <Scanner
          onClose={() => setScanning(false)}
          onCode={(code) => {
            setScanning(false);
            setTag(code);
            void find(code);
          }}
        />
      )}
      <section aria-labelledby="open-loans-h">
        <h2 id="open-loans-h">{t('loans.open')}</h2>
        {loans && loans.length === 0 && <p>{t('loans.noneOpen')}</p>}
        <ul class="list">
          {loans?.map(({ loan, tag: itemTag }) => {
            const bucket = overdueBucket(loan);
            const late = bucket.startsWith('overdue');
            return (
              <li key={loan.id} class={late ? 'overdue' : undefined}>
                <a href={`#/loans/${encodeURIComponent(loan.id)}`}>
                  <strong>{itemTag}</strong> · {loan.borrowerCode}
                  {loan.dueAt && ` · ${t('loans.due', { date: formatDate(lang, loan.dueAt) })}`}
                  {late && <span class="badge badge-warn">{t('loans.overdue')}</span>}
                </a>
              </li>
            );
          })}
        </ul>
      </section>
    </Screen>
  );
}
