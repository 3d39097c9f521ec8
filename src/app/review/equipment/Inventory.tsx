// The equipment inventory with its status lifecycle (intake, ready, on loan, repair, given,
// retired) and each item's loan history. A status change is an audited correction.
import { useState } from 'preact/hooks';
import { label } from '../../../shared/i18n';
import { EQUIPMENT_STATUSES } from '../../../shared/records';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { AddEquipment } from './AddEquipment';
import { useInventory } from './useInventory';

/** The inventory screen. */
export function Inventory() {
  const inv = useInventory();
  const [notice, setNotice] = useState('');
  const setStatus = async (id: string, status: string) => {
    try {
      await call('PATCH', `/records/equipment/${id}`, { body: { changes: { status } } });
      setNotice(ct('detail.saved'));
      inv.reload();
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  const d = inv.data;
  return (
    <section aria-labelledby="equipment-title">
      <h1 id="equipment-title">{ct('nav.equipment')}</h1>
      <a class="btn-link" href="#/review/labels">
        {ct('equipment.printLabels')}
      </a>
      <AddEquipment onAdded={inv.reload} />
      <p role="status">{notice}</p>
      <Status error={inv.error} loading={!d} />
      {d && (
        <table>
          <thead>
            <tr>
              <th>{ct('equipment.tag')}</th>
              <th>{ct('equipment.kind')}</th>
              <th>{ct('equipment.model')}</th>
              <th>{ct('equipment.status')}</th>
              <th>{ct('table.loans')}</th>
            </tr>
          </thead>
          <tbody>
            {d.equipment.map((e) => {
              const history = d.loans.filter((l) => l.equipmentId === e.id);
              return (
                <tr key={e.id}>
                  <td>
                    <a href={`#/review/record/equipment/${e.id}`}>{String(e.assetTag)}</a>
                  </td>
                  <td>{label('equipmentKind', String(e.kind))}</td>
                  <td>{[e.make, e.model].filter(Boolean).join(' ')}</td>
                  <td>
                    <select
                      aria-label={`${ct('equipment.status')} ${String(e.assetTag)}`}
                      value={String(e.status)}
                      onChange={(ev) => void setStatus(e.id, ev.currentTarget.value)}
                    >
                      {EQUIPMENT_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {label('equipmentStatus', s)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {history.map((l) => (
                      <div key={l.id}>
                        {String(l.borrowerCode)}: {when(String(l.startedAt))} –{' '}
                        {when(l.returnedAt as string | undefined)} ({label('loanStatus', String(l.status))})
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
