// Home: the three actions as big buttons, today's counts and the sync state bar. The first
// screen, so it ships in the first load and keeps to what it needs.
import { brusselsDay, t } from '../../shared/i18n';
// From read.ts, not the src/local index: the write path and its zod schemas are not needed here.
import {
  getOpenPermanence,
  listOpenLoans,
  listRecentHelpRequests,
  listRecentPermanences,
} from '../../local/read';
import { navigate } from '../router';
import { useSession } from '../session';
import { SyncBar } from '../ui/SyncBar';
import { useLive } from '../ui/useLive';
import { AttentionNotice } from './AttentionNotice';
import { SavedNotice } from './SavedNotice';
import { SignedInAs } from './SignedInAs';
import { StorageWarning } from './StorageWarning';

interface Today {
  help: number;
  visitors: number;
  openLoans: number;
  openPermanence: boolean;
}

/** Today's counts (Brussels calendar day) for the Home summary. */
async function todayCounts(): Promise<Today> {
  const today = brusselsDay();
  const help = (await listRecentHelpRequests(500)).filter((h) => brusselsDay(h.occurredAt) === today);
  const perms = (await listRecentPermanences(50)).filter((p) => brusselsDay(p.startedAt) === today);
  return {
    help: help.length,
    visitors: perms.reduce((n, p) => n + p.visitorCount, 0),
    openLoans: (await listOpenLoans()).length,
    openPermanence: !!(await getOpenPermanence()),
  };
}

/** The Home screen. */
export function Home() {
  const today = useLive(todayCounts);
  const session = useSession();
  return (
    <main class="screen home">
      <h1 class="app-title">Digitafel</h1>
      <SignedInAs />
      <SavedNotice />
      <nav class="actions" aria-label={t('home.actions')}>
        <button type="button" class="btn btn-big" onClick={() => navigate('/help/new')}>
          {t('home.newHelp')}
        </button>
        <button type="button" class="btn btn-big" onClick={() => navigate('/permanence')}>
          {t('home.permanence')}
        </button>
        <button type="button" class="btn btn-big" onClick={() => navigate('/loans')}>
          {t('home.loans')}
        </button>
      </nav>
      {today?.openPermanence && (
        <p class="notice">
          <a href="#/permanence">{t('home.permanenceOpen')}</a>
        </p>
      )}
      <AttentionNotice />
      <SyncBar />
      <StorageWarning />
      <section class="today" aria-labelledby="today-h">
        <h2 id="today-h">{t('home.today')}</h2>
        <dl>
          <dt>{t('home.todayHelp')}</dt>
          <dd>{today?.help ?? '…'}</dd>
          <dt>{t('home.todayVisitors')}</dt>
          <dd>{today?.visitors ?? '…'}</dd>
          <dt>{t('home.openLoans')}</dt>
          <dd>{today?.openLoans ?? '…'}</dd>
        </dl>
      </section>
      <nav class="secondary-nav" aria-label={t('home.more')}>
        <a href="#/recent">{t('nav.recent')}</a>
        <a href="#/fiches">{t('home.fiches')}</a>
        <a href="#/settings">{t('nav.settings')}</a>
        {session && session.user.role !== 'volunteer' && <a href="#/review">{t('nav.review')}</a>}
      </nav>
    </main>
  );
}
