// The clear message when an item is already out: who has it (by code), since and until when,
// and the way to its loan page to take it back first.
import { formatDate, getLanguage, t } from '../../shared/i18n';
import type { LocalLoan } from '../../local';

interface Props {
  loan: LocalLoan;
}

/** "This item is already on loan" with a link to that loan. */
export function BlockedMessage({ loan }: Props) {
  const lang = getLanguage();
  return (
    <div class="notice notice-warn" role="alert">
      <p>{t('loans.blocked', { code: loan.borrowerCode, date: formatDate(lang, loan.startedAt) })}</p>
      <a href={`#/loans/${encodeURIComponent(loan.id)}`}>{t('loans.openLoan')}</a>
    </div>
  );
}
