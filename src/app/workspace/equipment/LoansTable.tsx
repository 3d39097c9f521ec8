// The open loans as one table, grouped under a heading row per due bucket (the rows come most
// overdue first, so each bucket is one run of rows): the item, who has it and how to reach
// them, who lent it and when, when it is due and how late it is.
import type { LoanBucket, LoanListItem, LoanListResponse } from '../../../shared/inventory';
import { daysOverdue } from '../../../shared/loan-rules';
import { brusselsDay } from '../../../shared/i18n';
import type { LoanInput } from '../../../shared/records';
import { ct, ctn, when } from '../i18n';
import { makeModel } from './InventoryTable';
import { BorrowerName } from './LoanHistory';

const COLUMNS = 7;

/** "12 days late", "due in 3 days", "due today", "no due date". */
function dueWords(loan: LoanListItem['loan']): string {
  if (!loan.dueAt) return ct('loans.noDue');
  const late = daysOverdue(loan as LoanInput);
  if (late > 0) return ctn('loans.daysLate', late);
  const today = brusselsDay();
  const due = brusselsDay(loan.dueAt);
  if (due === today) return ct('loans.dueToday');
  // Calendar days between two Brussels days (both as UTC midnights, so summer time plays no part).
  const days = Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
  return ctn('loans.dueIn', days);
}

/** The rows of one loan. */
function Row({ item }: { item: LoanListItem }) {
  const { loan, borrower, equipment } = item;
  return (
    <tr>
      <td>
        {equipment ? (
          <>
            <a href={`#/review/asset/${equipment.id}`}>{equipment.assetTag}</a>
            {makeModel(equipment) && <div class="ws-muted">{makeModel(equipment)}</div>}
          </>
        ) : (
          ct('asset.unknown')
        )}
      </td>
      <td>
        <BorrowerName {...item} />
      </td>
      <td>{borrower ? [borrower.phone, borrower.email].filter(Boolean).join(' · ') : ''}</td>
      <td>{item.lentBy ?? ct('asset.unknown')}</td>
      <td class="nowrap">{when(loan.startedAt)}</td>
      <td class="nowrap">{when(loan.dueAt)}</td>
      <td class={`nowrap${item.bucket.startsWith('overdue') ? ' ws-late' : ''}`}>{dueWords(loan)}</td>
    </tr>
  );
}

interface Props {
  loans: LoanListItem[];
  /** Bucket counts for the group headings (left out while searching). */
  counts: LoanListResponse['counts'] | undefined;
  busy: boolean;
}

/** The open loans table. */
export function LoansTable({ loans, counts, busy }: Props) {
  const groups: Array<{ bucket: LoanBucket; rows: LoanListItem[] }> = [];
  for (const l of loans) {
    const last = groups[groups.length - 1];
    if (last?.bucket === l.bucket) last.rows.push(l);
    else groups.push({ bucket: l.bucket, rows: [l] });
  }
  return (
    <table aria-busy={busy ? 'true' : undefined}>
      <thead>
        <tr>
          <th scope="col">{ct('loans.item')}</th>
          <th scope="col">{ct('loans.borrower')}</th>
          <th scope="col">{ct('loans.contact')}</th>
          <th scope="col">{ct('loans.lentBy')}</th>
          <th scope="col" class="nowrap">
            {ct('loans.lentOn')}
          </th>
          <th scope="col" class="nowrap">
            {ct('equipment.dueBack')}
          </th>
          <th scope="col">{ct('loans.dueState')}</th>
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.bucket}>
          <tr class="ws-group">
            <th scope="colgroup" colSpan={COLUMNS}>
              {counts
                ? ct('equipment.withCount', { label: ct(`loans.${g.bucket}`), n: counts[g.bucket] })
                : ct(`loans.${g.bucket}`)}
            </th>
          </tr>
          {g.rows.map((item) => (
            <Row key={item.loan.id} item={item} />
          ))}
        </tbody>
      ))}
    </table>
  );
}
