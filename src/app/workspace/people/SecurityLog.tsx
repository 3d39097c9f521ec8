// The security log (GET /security-events) for a period, newest first, in words: when, what
// happened (and why a sign-in failed, which table was exported...), who did it and whom it
// concerned; for an admin also the organisation. "Show more" reads further back.
import { useState } from 'preact/hooks';
import type { SecurityEvent } from '../../../shared/api';
import { addDaysToDay, brusselsDay } from '../../../shared/i18n';
import { useSession } from '../../session';
import { call } from '../api';
import { PeriodPicker } from '../dashboard/PeriodPicker';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { PageHeader } from '../ui/PageHeader';
import { usePaged } from '../usePaged';

interface EventsPage {
  events: SecurityEvent[];
  cursor: string | null;
  hasMore: boolean;
}

const REASONS = ['wrong_password', 'unknown_account', 'account_disabled', 'wrong_current_password'] as const;
const isReason = (r: unknown): r is (typeof REASONS)[number] => (REASONS as readonly unknown[]).includes(r);
const TABLES = [
  'help_requests',
  'permanences',
  'equipment',
  'loans',
  'borrowers',
  'locations',
  'topics',
  'partners',
] as const;
const isTable = (t: unknown): t is (typeof TABLES)[number] => (TABLES as readonly unknown[]).includes(t);

/** What happened, in words, with the detail that matters (reason, table, new role). */
function what(e: SecurityEvent): string {
  const kind = ct(`people.log.${e.kind}`);
  const d = e.details;
  let detail: string | undefined;
  if (e.kind === 'sign_in_failed' && isReason(d.reason)) detail = ct(`people.reason.${d.reason}`);
  if (e.kind === 'export' && isTable(d.table)) detail = ct(`table.${d.table}`);
  if (e.kind === 'role_changed' && (d.role === 'volunteer' || d.role === 'coordinator'))
    detail = ct(`role.${d.role}`);
  return detail ? ct('people.logDetail', { what: kind, detail }) : kind;
}

/** The security log page. */
export function SecurityLog() {
  const session = useSession();
  const admin = session?.user.role === 'admin';
  const today = brusselsDay();
  const [period, setPeriod] = useState({ from: addDaysToDay(today, -30), to: today });
  const log = usePaged<SecurityEvent, null>(
    async (cursor) => {
      const page = await call<EventsPage>('GET', '/security-events', {
        query: { from: period.from, to: period.to, limit: 100, cursor },
      });
      return { items: page.events, cursor: page.hasMore ? page.cursor : null, meta: null };
    },
    [period.from, period.to],
  );
  const events = log.items ?? [];
  return (
    <section aria-labelledby="log-title">
      <PageHeader
        id="log-title"
        title={ct('people.log')}
        sub={ct('people.logIntro')}
        actions={
          <a class="btn-link secondary" href="#/review/people">
            {ct('people.logBack')}
          </a>
        }
      />
      <PeriodPicker value={period} onChange={setPeriod} />
      <Status error={log.error} loading={log.loading} />
      {!log.loading && events.length === 0 && <p>{ct('people.logEmpty')}</p>}
      {events.length > 0 && (
        <div class="ws-scroll">
          <table aria-labelledby="log-title">
            <thead>
              <tr>
                <th scope="col">{ct('people.logWhen')}</th>
                <th scope="col">{ct('people.logWhat')}</th>
                <th scope="col">{ct('people.logWho')}</th>
                <th scope="col">{ct('people.logAbout')}</th>
                {admin && <th scope="col">{ct('people.logOrg')}</th>}
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td class="nowrap">{when(e.at, true)}</td>
                  <td>{what(e)}</td>
                  <td>{e.actor?.name ?? ct('people.logSomeone')}</td>
                  <td>{e.subject?.name ?? ''}</td>
                  {admin && <td>{e.org?.name ?? ct('people.logNoOrg')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasMore && (
        <button type="button" class="secondary" disabled={log.loadingMore} onClick={log.more}>
          {ct('people.logMore')}
        </button>
      )}
    </section>
  );
}
