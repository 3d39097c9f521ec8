// The inventory (Snipe-IT's asset list): every item with its status and, when on loan, who has
// it and when it is due, filtered by status and kind, found by asset tag, sorted by the server
// and read page after page to the end. Each tag opens the item's page (AssetPage).
import { useEffect, useState } from 'preact/hooks';
import { label } from '../../../shared/i18n';
import type { EquipmentListResponse, EquipmentSort } from '../../../shared/inventory';
import { EQUIPMENT_KINDS, EQUIPMENT_STATUSES } from '../../../shared/records';
import { call } from '../api';
import { Field } from '../Field';
import { ct } from '../i18n';
import { Status } from '../Status';
import { PageHeader } from '../ui/PageHeader';
import type { Sort } from '../ui/sort';
import { useSort } from '../ui/sort';
import { usePaged } from '../usePaged';
import { AddEquipment } from './AddEquipment';
import { InventoryTable } from './InventoryTable';

type Meta = Pick<EquipmentListResponse, 'total' | 'statusCounts'>;

/** The search text a moment after the last keystroke (one request per pause, not per key). */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setSettled(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  return settled;
}

/** The inventory screen. */
export function Inventory() {
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [search, setSearch] = useState('');
  const q = useSettled(search);
  const { sort, toggle } = useSort<EquipmentSort>({ key: 'tag', dir: 'ascending' });
  const list = usePaged<EquipmentListResponse['items'][number], Meta>(
    async (cursor) => {
      const page = await call<EquipmentListResponse>('GET', '/equipment', {
        query: { status, kind, q, sort: sort.key, dir: sort.dir === 'ascending' ? 'asc' : 'desc', cursor },
      });
      return { items: page.items, cursor: page.cursor, meta: page };
    },
    [status, kind, q, sort.key, sort.dir],
  );
  const counts = list.meta?.statusCounts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="equipment-title">
      <PageHeader
        id="equipment-title"
        title={ct('nav.equipment')}
        sub={list.meta && ct('equipment.showing', { shown: list.items?.length ?? 0, total: list.meta.total })}
        actions={
          <a class="btn-link secondary" href="#/review/labels">
            {ct('equipment.printLabels')}
          </a>
        }
      />
      <AddEquipment onAdded={list.reload} />
      <form
        class="ws-toolbar"
        role="search"
        aria-label={ct('filter.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Field id="equipment-search" label={ct('equipment.search')}>
          {(a) => (
            <input
              {...a}
              type="search"
              value={search}
              maxLength={40}
              autoComplete="off"
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="equipment-status" label={ct('equipment.status')}>
          {(a) => (
            <select {...a} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">
                {ct('equipment.withCount', { label: ct('equipment.anyStatus'), n: all })}
              </option>
              {EQUIPMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ct('equipment.withCount', { label: label('equipmentStatus', s), n: counts[s] ?? 0 })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="equipment-kind" label={ct('equipment.kind')}>
          {(a) => (
            <select {...a} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              <option value="">{ct('equipment.anyKind')}</option>
              {EQUIPMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {label('equipmentKind', k)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <Status error={list.error} loading={list.loading && !list.items} />
      {list.items && (
        <InventoryTable
          items={list.items}
          sort={sort as Sort<EquipmentSort>}
          onSort={toggle}
          empty={all === 0 ? ct('equipment.empty') : ct('equipment.noMatch')}
          busy={list.loading}
        />
      )}
      {list.hasMore && (
        <button type="button" class="secondary" disabled={list.loadingMore} onClick={list.more}>
          {ct('equipment.more')}
        </button>
      )}
    </section>
  );
}
