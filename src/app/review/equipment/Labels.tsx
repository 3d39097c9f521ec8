// A printable sheet of asset-tag labels: a QR code of each item's asset tag (what the phones
// scan when lending) with the tag in text, three labels per row on A4.
import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import { label } from '../../../shared/i18n';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useInventory } from './useInventory';

/** The label sheet screen. */
export function Labels() {
  const inv = useInventory();
  const [codes, setCodes] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const items = inv.data?.equipment ?? [];
    void Promise.all(
      items.map(
        async (e) => [e.id, await QRCode.toDataURL(String(e.assetTag), { margin: 1, width: 200 })] as const,
      ),
    ).then((pairs) => setCodes(new Map(pairs)));
  }, [inv.data]);
  return (
    <section aria-labelledby="labels-title">
      <h1 id="labels-title">{ct('equipment.labelsTitle')}</h1>
      <button type="button" class="no-print" onClick={() => window.print()}>
        {ct('report.print')}
      </button>
      <Status error={inv.error} loading={!inv.data} />
      <div class="labels">
        {(inv.data?.equipment ?? []).map((e) => (
          <div class="label" key={e.id}>
            {codes.get(e.id) && (
              <img src={codes.get(e.id)} alt={ct('equipment.qrAlt', { tag: String(e.assetTag) })} />
            )}
            <div>
              <strong>{String(e.assetTag)}</strong>
              <div>{[label('equipmentKind', String(e.kind)), e.make, e.model].filter(Boolean).join(' ')}</div>
              <div>Digitafel</div>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
