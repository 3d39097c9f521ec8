// One item's page (Snipe-IT's asset view): what it is, its status and what can happen next,
// who has it now, and every loan of it with dates and names. Edits are audited corrections
// (PATCH /records/equipment/:id) that phones pull; loans end through the loan (PATCH
// /records/loans/:id), and the server sets the item's status from it.
import type { EquipmentPageResponse } from '../../../shared/inventory';
import { label } from '../../../shared/i18n';
import { ApiError } from '../../../sync';
import { call } from '../api';
import { ct } from '../i18n';
import { Status } from '../Status';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';
import { AssetDetails } from './AssetDetails';
import { makeModel } from './InventoryTable';
import { Lifecycle } from './Lifecycle';
import { LoanHistory } from './LoanHistory';

/** The item page at `#/review/asset/<id>`. */
export function AssetPage({ args }: { args: string[] }) {
  const id = args[0] ?? '';
  // Without an id (the page is being left) nothing is asked of the server.
  const page = useLoad(
    () =>
      id
        ? call<EquipmentPageResponse>('GET', `/equipment/${encodeURIComponent(id)}`)
        : new Promise<EquipmentPageResponse>(() => undefined),
    [id],
  );
  const missing =
    page.failure instanceof ApiError && (page.failure.status === 404 || page.failure.status === 400);
  const d = page.data;
  return (
    <section aria-labelledby="asset-title">
      <p class="no-print">
        <a href="#/review/equipment">← {ct('asset.back')}</a>
      </p>
      {missing ? <p role="alert">{ct('asset.notFound')}</p> : <Status error={page.error} loading={!d} />}
      {d && (
        <>
          <PageHeader
            id="asset-title"
            title={[d.equipment.assetTag, makeModel(d.equipment)].filter(Boolean).join(' · ')}
            sub={`${label('equipmentKind', d.equipment.kind)} · ${ct('asset.statusIs', {
              status: label('equipmentStatus', d.equipment.status),
            })}`}
          />
          <div class="ws-split">
            <div>
              <AssetDetails equipment={d.equipment} onSaved={page.reload} />
              <LoanHistory loans={d.loans} />
            </div>
            <Lifecycle page={d} onChanged={page.reload} />
          </div>
        </>
      )}
    </section>
  );
}
