// Everything held about one borrower (GDPR art. 15), as a document a coordinator can read, print
// and hand over: their name and contact and consent, each device lent or given (asset tag,
// dates in Brussels time), and every change to that data in words, from
// GET /borrowers/:code/export (the same JSON stays downloadable "for a computer"). Reached from
// the data-protection page at #/review/borrower/<code>; tests/e2e/borrower-data.test.ts.
import type { BorrowerExport } from '../../../shared/privacy';
import { ApiError } from '../../../sync';
import { call, download } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { changeLines } from '../record/AuditTrail';
import { describeRecord, fieldLabel, valueText, type Naming } from '../record/fields';
import { FieldList } from '../ui/FieldList';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';

type Rec = Record<string, unknown>;

/** The filled-in fields of a record in words, leaving out those the heading already says. */
function filled(table: 'borrowers' | 'loans', record: Rec, naming: Naming, skip: string[]) {
  return describeRecord(table, record, naming)
    .filter((f) => !skip.includes(f.field) && f.value !== '')
    .map(({ label, value }) => ({ label, value }));
}

/** The borrower data screen; args = [code]. */
export function BorrowerData({ args }: { args: string[] }) {
  const code = args[0] ?? '';
  const data = useLoad(
    () => call<BorrowerExport>('GET', `/borrowers/${encodeURIComponent(code)}/export`),
    [code],
  );
  const me = useLoad(() => call<{ org: { name: string } }>('GET', '/me'), []);
  const d = data.data;
  const naming: Naming = {
    names: Object.assign({}, ...Object.values(d?.names ?? {})) as Record<string, string>,
    topicName: (k) => k,
  };
  const tag = (loan: Rec | undefined) =>
    loan ? valueText('loans', 'equipmentId', loan.equipmentId, naming) : ct('field.removed');
  const loans = [...(d?.loans ?? [])].sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
  const loanById = new Map(loans.map((l) => [String(l.id), l]));
  const identities = d?.borrowers ?? [];
  const notFound = data.failure instanceof ApiError && data.failure.status === 404;
  const of = (table: 'borrowers' | 'loans', id: string) =>
    table === 'borrowers'
      ? ct('privacy.dataOfBorrower')
      : ct('privacy.dataOfLoan', { tag: tag(loanById.get(id)) });
  const who = (id: string | null) => (id ? (naming.names[id] ?? ct('audit.unknownUser')) : '');
  return (
    <section aria-labelledby="borrower-data-title" class="borrower-data">
      <PageHeader
        id="borrower-data-title"
        title={ct('privacy.dataTitle', { code })}
        sub={
          d && me.data && ct('privacy.dataMade', { date: when(d.exportedAt, true), org: me.data.org.name })
        }
        actions={
          <>
            <a class="btn-link secondary" href="#/review/privacy">
              {ct('privacy.dataBack')}
            </a>
            <button
              type="button"
              class="secondary"
              disabled={!d}
              onClick={() =>
                void download(`/borrowers/${encodeURIComponent(code)}/export`, `borrower-${code}.json`).catch(
                  (e: unknown) => window.alert(errorNotice(e)),
                )
              }
            >
              {ct('privacy.dataRaw')}
            </button>
            <button type="button" disabled={!d} onClick={() => window.print()}>
              {ct('report.print')}
            </button>
          </>
        }
      />
      {notFound ? <p role="alert">{ct('privacy.notFound')}</p> : <Status error={data.error} loading={!d} />}
      {d && (
        <>
          <h2>{ct('privacy.dataIdentity')}</h2>
          {identities.length === 0 && <p>{ct('privacy.dataNoIdentity')}</p>}
          {identities.map((b, i) => (
            <div key={String(b.id)}>
              {i > 0 && <h3>{ct('privacy.dataEarlier')}</h3>}
              <FieldList items={filled('borrowers', b, naming, [])} />
            </div>
          ))}

          <h2>{ct('privacy.dataLoans')}</h2>
          {loans.length === 0 && <p>{ct('privacy.dataNoLoans')}</p>}
          {loans.map((l) => (
            <div key={String(l.id)} class="borrower-loan">
              <h3>{ct('privacy.dataLoanOf', { tag: tag(l), date: when(String(l.startedAt)) })}</h3>
              <FieldList items={filled('loans', l, naming, ['borrowerCode'])} />
            </div>
          ))}

          <h2 id="borrower-history">{ct('privacy.dataHistory')}</h2>
          {d.changes.length === 0 && d.overwritten.length === 0 && <p>{ct('privacy.dataNoHistory')}</p>}
          {d.changes.length > 0 && (
            <table aria-labelledby="borrower-history">
              <thead>
                <tr>
                  <th scope="col" class="nowrap">
                    {ct('inbox.when')}
                  </th>
                  <th scope="col">{ct('privacy.dataOf')}</th>
                  <th scope="col">{ct('audit.who')}</th>
                  <th scope="col">{ct('audit.what')}</th>
                </tr>
              </thead>
              <tbody>
                {[...d.changes]
                  .sort((a, b) => a.at.localeCompare(b.at))
                  .map((c, i) => {
                    const lines = changeLines(c.table, { ...c, id: String(i) }, naming);
                    return (
                      <tr key={i}>
                        <td class="nowrap">{when(c.at, true)}</td>
                        <td>{of(c.table, c.recordId)}</td>
                        <td>{who(c.userId)}</td>
                        <td>
                          {lines.length === 0 ? (
                            ct('audit.nothingShown')
                          ) : (
                            <ul class="ws-plain">
                              {lines.map((line) => (
                                <li key={line}>{line}</li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          )}
          {d.overwritten.length > 0 && (
            <>
              <h3>{ct('privacy.dataOverwritten')}</h3>
              <ul>
                {d.overwritten.map((m, i) => (
                  <li key={i}>
                    {when(m.at, true)}, {of(m.table, m.recordId)}:{' '}
                    {ct('merge.text', {
                      field: fieldLabel(m.table, m.field),
                      old: valueText(m.table, m.field, m.oldValue, naming) || ct('common.empty'),
                      new: valueText(m.table, m.field, m.newValue, naming) || ct('common.empty'),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
