// Open loans grouped by due soon and overdue 7, 30, 60+ days, with the borrower's identity
// (visible to coordinators only; the retention job deletes it 6 months after the loan ends).
import { isOpenLoan, overdueBucket, type OverdueBucket } from '../../../shared/loan-rules';
import type { LoanInput } from '../../../shared/records';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { useInventory, type Rec } from './useInventory';

const ORDER: OverdueBucket[] = ['overdue_60', 'overdue_30', 'overdue_7', 'overdue', 'due_soon', 'not_due'];

/** The open-loans screen. */
export function OpenLoans() {
  const inv = useInventory();
  const d = inv.data;
  const tags = new Map((d?.equipment ?? []).map((e) => [e.id, String(e.assetTag)]));
  const people = new Map((d?.borrowers ?? []).map((b) => [String(b.borrowerCode), b]));
  const open = (d?.loans ?? []).filter((l) => isOpenLoan(l as unknown as LoanInput));
  const groups = new Map<OverdueBucket, Rec[]>();
  for (const l of open) {
    const b = overdueBucket(l as unknown as LoanInput);
    groups.set(b, [...(groups.get(b) ?? []), l]);
  }
  return (
    <section aria-labelledby="loans-title">
      <h1 id="loans-title">{ct('nav.loans')}</h1>
      <Status error={inv.error} loading={!d} />
      {d && open.length === 0 && <p>{ct('loans.none')}</p>}
      {ORDER.filter((b) => groups.has(b)).map((b) => (
        <section key={b}>
          <h2>
            {ct(`loans.${b}`)} ({groups.get(b)!.length})
          </h2>
          <table>
            <thead>
              <tr>
                <th>{ct('loans.item')}</th>
                <th>{ct('loans.borrower')}</th>
                <th>{ct('loans.due')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.get(b)!.map((l) => {
                const who = people.get(String(l.borrowerCode));
                return (
                  <tr key={l.id}>
                    <td>
                      <a href={`#/review/record/loans/${l.id}`}>
                        {tags.get(String(l.equipmentId)) ?? String(l.equipmentId)}
                      </a>
                    </td>
                    <td>
                      {String(l.borrowerCode)}
                      {who ? ` – ${String(who.name)} ${String(who.phone ?? who.email ?? '')}` : ''}
                    </td>
                    <td>{when(l.dueAt as string | undefined)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
