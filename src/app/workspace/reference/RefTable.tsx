// Places or referral partners as a table: name and details, whether phones offer it, and per
// row "Edit" (the row becomes its form) and "Switch off" / "Switch on" (an audited correction
// the phones pull). An add form follows the table.
import { useState } from 'preact/hooks';
import type { CoordKey } from '../../../shared/i18n/coordinator/en';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';
import { allRecords } from './allRecords';
import { RefForm, type RefField } from './RefForm';

interface Props {
  table: 'locations' | 'partners';
  title: CoordKey;
  hint: CoordKey;
  add: CoordKey;
  fields: readonly RefField[];
}

/** One reference table with its add form. */
export function RefTable({ table, title, hint, add, fields }: Props) {
  const list = useLoad(() => allRecords(table), [table]);
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState('');
  const done = (text: string) => {
    setEditing(undefined);
    setNotice(text);
    list.reload();
  };
  const toggle = async (id: string, active: boolean, name: string) => {
    try {
      await call('PATCH', `/records/${table}/${id}`, { body: { changes: { active } } });
      done(ct('reference.savedNamed', { name }));
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  const rows = list.data ?? [];
  return (
    <section aria-labelledby={`${table}-title`} class="ws-section">
      <h2 id={`${table}-title`}>{ct(title)}</h2>
      <p class="field-hint">{ct(hint)}</p>
      <Status error={list.error} loading={!list.data} />
      {list.data && rows.length === 0 && <p>{ct('reference.noneYet')}</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              {fields.map((f) => (
                <th scope="col" key={f.name}>
                  {ct(f.label)}
                </th>
              ))}
              <th scope="col">{ct('reference.state')}</th>
              <th scope="col" class="ws-narrow">
                {ct('reference.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = String(r.name ?? '');
              const on = r.active !== false;
              if (editing === r.id) {
                return (
                  <tr key={r.id}>
                    <td colSpan={fields.length + 2}>
                      <RefForm
                        table={table}
                        fields={fields}
                        record={r}
                        title={ct('reference.editTitle', { name })}
                        submit={ct('common.save')}
                        onDone={done}
                        onCancel={() => setEditing(undefined)}
                      />
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={r.id} class={on ? undefined : 'ws-off'}>
                  {fields.map((f) => (
                    <td key={f.name}>{typeof r[f.name] === 'string' ? (r[f.name] as string) : ''}</td>
                  ))}
                  <td>{ct(on ? 'reference.on' : 'reference.off')}</td>
                  <td class="ws-narrow">
                    <div class="ws-actions">
                      <button
                        type="button"
                        class="secondary"
                        aria-label={ct('reference.editNamed', { name })}
                        onClick={() => setEditing(r.id)}
                      >
                        {ct('reference.edit')}
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        aria-label={ct(on ? 'reference.switchOffNamed' : 'reference.switchOnNamed', { name })}
                        onClick={() => void toggle(r.id, !on, name)}
                      >
                        {ct(on ? 'reference.switchOff' : 'reference.switchOn')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p role="status">{notice}</p>
      <details class="ws-panel">
        <summary>
          <h3>{ct(add)}</h3>
        </summary>
        <RefForm table={table} fields={fields} title={ct(add)} submit={ct('reference.add')} onDone={done} />
      </details>
    </section>
  );
}
