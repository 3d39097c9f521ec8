// Enrolment codes made but not used yet, with who they are for, who made them and until when,
// and a button to withdraw one (the code itself cannot be shown again: only its hash is kept).
import { ct, when } from '../i18n';
import type { PendingCode } from './access';

interface Props {
  codes: PendingCode[];
  names: Map<string, string>;
  onWithdraw: (code: PendingCode) => void;
  busy: boolean;
}

/** The pending codes table, or a line saying there are none. */
export function PendingCodes({ codes, names, onWithdraw, busy }: Props) {
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{ct('people.pending')}</h2>
      {codes.length === 0 ? (
        <p>{ct('people.pendingEmpty')}</p>
      ) : (
        <table aria-labelledby="pending-title">
          <thead>
            <tr>
              <th scope="col">{ct('people.pendingFor')}</th>
              <th scope="col">{ct('people.pendingMadeBy')}</th>
              <th scope="col">{ct('people.pendingUntil')}</th>
              <th scope="col">
                <span class="visually-hidden">{ct('people.withdraw')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{names.get(c.createdBy) ?? ''}</td>
                <td class="nowrap">{when(c.expiresAt, true)}</td>
                <td class="ws-narrow">
                  <button type="button" class="secondary" disabled={busy} onClick={() => onWithdraw(c)}>
                    {ct('people.withdraw')}
                    <span class="visually-hidden"> {c.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
