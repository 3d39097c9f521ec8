// What an item is, as labelled values in words (kind, make and model, serial number, specs,
// condition, accessories, when it was last wiped, notes), with "Edit details" opening the form.
import { useState } from 'preact/hooks';
import { label } from '../../../shared/i18n';
import type { EquipmentRecord } from '../../../shared/inventory';
import { ct, when } from '../i18n';
import { FieldList } from '../ui/FieldList';
import { AssetEdit } from './AssetEdit';

/** A number with its unit left to the label ("Memory (GB)"); empty when not recorded. */
const num = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '');

/** The details panel of an item. */
export function AssetDetails({ equipment: e, onSaved }: { equipment: EquipmentRecord; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const specs = e.specs ?? {};
  return (
    <section class="ws-panel" aria-labelledby="asset-details">
      <h2 id="asset-details">{ct('asset.details')}</h2>
      {editing ? (
        <AssetEdit
          equipment={e}
          onDone={(saved) => {
            setEditing(false);
            setNotice(saved ? ct('asset.saved') : '');
            if (saved) onSaved();
          }}
        />
      ) : (
        <>
          <FieldList
            items={[
              { label: ct('equipment.tag'), value: e.assetTag },
              { label: ct('equipment.kind'), value: label('equipmentKind', e.kind) },
              { label: ct('equipment.make'), value: e.make ?? '' },
              { label: ct('equipment.modelName'), value: e.model ?? '' },
              { label: ct('equipment.serial'), value: e.serial ?? '' },
              { label: ct('asset.ramGb'), value: num(specs.ramGb) },
              { label: ct('asset.storageGb'), value: num(specs.storageGb) },
              { label: ct('asset.os'), value: specs.os ?? '' },
              {
                label: ct('asset.keyboard'),
                value: specs.keyboard ? ct(`asset.keyboard.${specs.keyboard}`) : '',
              },
              { label: ct('asset.condition'), value: e.condition ?? '' },
              { label: ct('asset.accessories'), value: (e.accessories ?? []).join(', ') },
              { label: ct('asset.wipedAt'), value: when(e.wipedAt) },
              { label: ct('asset.notes'), value: e.notes ?? '' },
            ]}
          />
          <button type="button" class="secondary no-print" onClick={() => setEditing(true)}>
            {ct('asset.edit')}
          </button>
          <p role="status">{notice}</p>
        </>
      )}
    </section>
  );
}
