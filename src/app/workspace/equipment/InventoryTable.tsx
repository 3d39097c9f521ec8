// The inventory's table: asset tag (a link to the item's page), kind, make and model, status,
// who has it and when it is due back (late ones say by how many days). Sorting is the server's
// (the list is paged), so the column headers only ask for another order.
import { label } from '../../../shared/i18n';
import type { EquipmentListItem, EquipmentSort } from '../../../shared/inventory';
import { daysOverdue } from '../../../shared/loan-rules';
import type { LoanInput } from '../../../shared/records';
import { ct, ctn, when } from '../i18n';
import { SortHeader, type Sort } from '../ui/sort';

interface Props {
  items: EquipmentListItem[];
  sort: Sort<EquipmentSort>;
  onSort: (key: EquipmentSort) => void;
  /** What to say when there is no row. */
  empty: string;
  /** A new order or filter is loading (the rows shown are the previous ones). */
  busy: boolean;
}

/** Make and model in one line ("Lenovo ThinkPad T480"). */
export function makeModel(e: { make?: string | null; model?: string | null }): string {
  return [e.make, e.model].filter(Boolean).join(' ');
}

/** The due date of an open loan, and how late it is. */
function Due({ dueAt }: { dueAt: string | null }) {
  if (!dueAt) return null;
  const late = daysOverdue({ dueAt, id: '', equipmentId: '', kind: 'loan' } as LoanInput);
  return (
    <>
      {when(dueAt)}
      {late > 0 && <span class="ws-late"> · {ctn('equipment.daysLate', late)}</span>}
    </>
  );
}

/** The inventory table. */
export function InventoryTable({ items, sort, onSort, empty, busy }: Props) {
  if (items.length === 0) return <p>{empty}</p>;
  const header = (column: EquipmentSort, text: string) => (
    <SortHeader column={column} label={text} sort={sort} onSort={onSort} />
  );
  return (
    <table aria-busy={busy ? 'true' : undefined}>
      <thead>
        <tr>
          {header('tag', ct('equipment.tag'))}
          {header('kind', ct('equipment.kind'))}
          <th scope="col">{ct('equipment.model')}</th>
          {header('status', ct('equipment.status'))}
          <th scope="col">{ct('equipment.borrower')}</th>
          {header('due', ct('equipment.dueBack'))}
        </tr>
      </thead>
      <tbody>
        {items.map(({ equipment: e, loan }) => (
          <tr key={e.id}>
            <td class="nowrap">
              <a href={`#/review/asset/${e.id}`}>{e.assetTag}</a>
            </td>
            <td>{label('equipmentKind', e.kind)}</td>
            <td>{makeModel(e)}</td>
            <td>
              <span class={`ws-status ws-status-${e.status}`}>{label('equipmentStatus', e.status)}</span>
            </td>
            <td>{loan?.borrowerCode ?? ''}</td>
            <td class="nowrap">{loan && <Due dueAt={loan.dueAt} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
