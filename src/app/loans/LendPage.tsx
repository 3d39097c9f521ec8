// The item page: what the item is and its state; the lend form when it is free, the loan that
// holds it (with the blocked message) when this phone knows it is out.
import { blockingLoan } from '../../shared/loan-rules';
import { label, t } from '../../shared/i18n';
import { getEquipment, listOpenLoans } from '../../local';
import { Screen } from '../ui/Screen';
import { useLive } from '../ui/useLive';
import { BlockedMessage } from './BlockedMessage';
import { LendForm } from './LendForm';

interface Props {
  equipmentId: string;
}

/** The item page with its lend form. */
export function LendPage({ equipmentId }: Props) {
  const item = useLive(async () => (await getEquipment(equipmentId)) ?? null, [equipmentId]);
  const open = useLive(async () => blockingLoan(await listOpenLoans(), equipmentId) ?? null, [equipmentId]);
  if (item === undefined || open === undefined)
    return (
      <Screen title={t('loans.itemTitle')} back="#/loans">
        <p class="loading">{t('common.loading')}</p>
      </Screen>
    );
  if (item === null)
    return (
      <Screen title={t('loans.itemTitle')} back="#/loans">
        <p role="alert">{t('error.not_found')}</p>
      </Screen>
    );
  const model = [item.make, item.model].filter(Boolean).join(' ');
  return (
    <Screen title={`${t('loans.itemTitle')} ${item.assetTag}`} back="#/loans">
      <dl class="item-facts">
        <dt>{t('loans.assetTag')}</dt>
        <dd>{item.assetTag}</dd>
        <dt>{t('loans.itemKind')}</dt>
        <dd>
          {label('equipmentKind', item.kind)}
          {model && ` · ${model}`}
        </dd>
        <dt>{t('loans.status')}</dt>
        <dd>{label('equipmentStatus', item.status)}</dd>
      </dl>
      {open ? <BlockedMessage loan={open} /> : <LendForm item={item} />}
    </Screen>
  );
}
