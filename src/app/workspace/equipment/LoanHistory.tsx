// Every loan of an item, newest first: to whom (name, or the pseudonymous code when no identity
// is on record), who lent it, when it went out, was due and came back, and how it ended.
import { label } from '../../../shared/i18n';
import type { LoanEntry } from '../../../shared/inventory';
import { ct, when } from '../i18n';

/** The borrower of a loan in words: the name with the code under it, or what is known. */
export function BorrowerName({ loan, borrower }: Pick<LoanEntry, 'loan' | 'borrower'>) {
  if (!borrower) {
    return (
      <>{loan.borrowerCode ? ct('asset.noIdentity', { code: loan.borrowerCode }) : ct('asset.noCode')}</>
    );
  }
  return (
    <>
      {borrower.name}
      {loan.borrowerCode && <div class="ws-muted">{loan.borrowerCode}</div>}
    </>
  );
}

/** The loan history table of an item page. */
export function LoanHistory({ loans }: { loans: LoanEntry[] }) {
  return (
    <section aria-labelledby="asset-history">
      <h2 id="asset-history">{ct('asset.history')}</h2>
      {loans.length === 0 ? (
        <p>{ct('asset.noLoans')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{ct('equipment.borrower')}</th>
              <th scope="col">{ct('asset.lentBy')}</th>
              <th scope="col" class="nowrap">
                {ct('asset.lentOn')}
              </th>
              <th scope="col" class="nowrap">
                {ct('equipment.dueBack')}
              </th>
              <th scope="col" class="nowrap">
                {ct('asset.backOn')}
              </th>
              <th scope="col">{ct('asset.loanState')}</th>
            </tr>
          </thead>
          <tbody>
            {loans.map((entry) => {
              const l = entry.loan;
              return (
                <tr key={l.id}>
                  <td>
                    <BorrowerName {...entry} />
                  </td>
                  <td>{entry.lentBy ?? ct('asset.unknown')}</td>
                  <td class="nowrap">{when(l.startedAt)}</td>
                  <td class="nowrap">{when(l.dueAt)}</td>
                  <td class="nowrap">{when(l.returnedAt)}</td>
                  <td>
                    {/* The loan's own record: every change to it, in words. */}
                    <a href={`#/review/record/loans/${l.id}`}>
                      {l.kind === 'gift'
                        ? label('loanKind', 'gift')
                        : label('loanStatus', l.status ?? 'active')}
                    </a>
                    {l.conditionIn ? ` · ${l.conditionIn}` : ''}
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
