// A printable sheet of asset-tag labels: a QR code of each item's asset tag (what the phones
// scan when lending and taking back) with the tag, kind, make and model and the organisation's
// name in text, 3 across and 8 down on A4. Every item of the chosen status is read from the
// server (page after page), so a large inventory prints whole.
import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import { label } from '../../../shared/i18n';
import type { EquipmentListResponse, EquipmentRecord } from '../../../shared/inventory';
import { EQUIPMENT_STATUSES } from '../../../shared/records';
import { call } from '../api';
import { Field } from '../Field';
import { ct, ctn } from '../i18n';
import { Status } from '../Status';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';
import { makeModel } from './InventoryTable';

/** Every item of a status (all when empty), in asset-tag order. */
async function allItems(status: string): Promise<EquipmentRecord[]> {
  const out: EquipmentRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await call<EquipmentListResponse>('GET', '/equipment', {
      query: { status, limit: 200, cursor },
    });
    out.push(...page.items.map((i) => i.equipment));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out;
}

/** The label sheet screen. */
export function Labels() {
  const [status, setStatus] = useState('');
  const items = useLoad(() => allItems(status), [status]);
  const org = useLoad(() => call<{ org: { name: string } }>('GET', '/me'), []);
  const [codes, setCodes] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void Promise.all(
      (items.data ?? []).map(
        async (e) => [e.id, await QRCode.toDataURL(e.assetTag, { margin: 1, width: 240 })] as const,
      ),
    ).then((pairs) => setCodes(new Map(pairs)));
  }, [items.data]);
  const list = items.data ?? [];
  return (
    <section aria-labelledby="labels-title">
      <div class="no-print">
        <PageHeader
          id="labels-title"
          title={ct('equipment.labelsTitle')}
          sub={items.data && ctn('labels.count', list.length)}
          actions={
            <button type="button" onClick={() => window.print()} disabled={list.length === 0}>
              {ct('report.print')}
            </button>
          }
        />
        <p class="field-hint">{ct('labels.hint')}</p>
        <div class="ws-toolbar">
          <Field id="labels-status" label={ct('labels.which')}>
            {(a) => (
              <select {...a} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
                <option value="">{ct('equipment.anyStatus')}</option>
                {EQUIPMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {label('equipmentStatus', s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Status error={items.error} loading={!items.data} />
        {items.data && list.length === 0 && <p>{ct('labels.none')}</p>}
      </div>
      <div class="labels">
        {list.map((e) => (
          <div class="label" key={e.id}>
            {codes.get(e.id) && (
              <img src={codes.get(e.id)} alt={ct('equipment.qrAlt', { tag: e.assetTag })} />
            )}
            <div class="label-text">
              <strong>{e.assetTag}</strong>
              <span>{[label('equipmentKind', e.kind), makeModel(e)].filter(Boolean).join(' · ')}</span>
              <span>{org.data?.org.name ?? ''}</span>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
