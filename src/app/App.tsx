// The app's root: language, session and route decide the screen. Without a session every
// route shows sign-in (the enrolment route enrols, the reset route sets a password instead).
// Feature screens are lazy chunks. Ships in the first load, without the local database: Home
// (which reads it) is a lazy chunk too, that main.tsx preloads on a phone where someone is
// signed in, so sign-in on a new phone needs no Dexie (tests/dist/budget.test.ts).
import { t } from '../shared/i18n';
import { SignIn } from './auth/SignIn';
import { useRoute, type Route } from './router';
import { assumeSignedOut, refreshSession, useSession } from './session';
import { lazyScreen } from './ui/lazy';
import { ReloadPrompt } from './ui/ReloadPrompt';
import { Screen } from './ui/Screen';
import { useLang } from './ui/useLang';

export const Home = lazyScreen(() => import('./home/Home').then((m) => m.Home));
const HelpForm = lazyScreen(() => import('./help/HelpForm').then((m) => m.HelpForm));
const PermanencePage = lazyScreen(() => import('./permanence/PermanencePage').then((m) => m.PermanencePage));
const PermanenceEdit = lazyScreen(() => import('./permanence/PermanenceEdit').then((m) => m.PermanenceEdit));
const JoinSession = lazyScreen(() => import('./permanence/JoinSession').then((m) => m.JoinSession));
const LoansPage = lazyScreen(() => import('./loans/LoansPage').then((m) => m.LoansPage));
const LendPage = lazyScreen(() => import('./loans/LendPage').then((m) => m.LendPage));
const LoanPage = lazyScreen(() => import('./loans/LoanPage').then((m) => m.LoanPage));
const RecentPage = lazyScreen(() => import('./recent/RecentPage').then((m) => m.RecentPage));
const FichesPage = lazyScreen(() => import('./fiches/FichesPage').then((m) => m.FichesPage));
const FichePage = lazyScreen(() => import('./fiches/FichesPage').then((m) => m.FichePage));
const SettingsPage = lazyScreen(() => import('./settings/SettingsPage').then((m) => m.SettingsPage));
const Review = lazyScreen(() => import('./workspace/CoordinatorApp').then((m) => m.CoordinatorApp));
const Enrol = lazyScreen(() => import('./auth/Enrol').then((m) => m.Enrol));
const Reset = lazyScreen(() => import('./auth/Reset').then((m) => m.Reset));

/**
 * Before the first render, on a phone where someone was signed in at the last start: reads the
 * stored session and fetches Home, so App shows the full Home at once over the entry's shell.
 */
export async function loadSession(): Promise<void> {
  // A Home chunk that fails to load here is not fatal: Home's lazy screen tries again, and says so if it fails.
  await Promise.all([refreshSession(), Home.preload().catch(() => undefined)]);
}

/**
 * Before the first render on a phone where nobody was signed in: sign-in shows at once. Call
 * the returned function once it is on display: it reads the stored session in the background.
 */
export function startSignedOut(): () => void {
  assumeSignedOut();
  return () => void refreshSession();
}

function Signed({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'helpNew':
      return <HelpForm />;
    case 'helpEdit':
      return <HelpForm id={route.id} />;
    case 'permanence':
      return <PermanencePage />;
    case 'permanenceEdit':
      return <PermanenceEdit id={route.id} />;
    case 'sessionJoin':
      return <JoinSession id={route.id} />;
    case 'loans':
      return <LoansPage />;
    case 'lend':
      return <LendPage equipmentId={route.equipmentId} />;
    case 'loan':
      return <LoanPage id={route.id} />;
    case 'recent':
      return <RecentPage />;
    case 'settings':
      return <SettingsPage />;
    case 'fiches':
      return <FichesPage />;
    case 'fiche':
      return <FichePage ficheKey={route.key} />;
    case 'signin':
      return <SignIn />;
    case 'enrol':
      return <Enrol code={route.code} />;
    case 'reset':
      return <Reset code={route.code} />;
    case 'review':
      return <Review />;
    case 'notFound':
      return (
        <Screen title={t('notFound.title')}>
          <p>{t('notFound.text')}</p>
        </Screen>
      );
  }
}

/** The whole volunteer app. */
export function App() {
  const lang = useLang();
  const session = useSession();
  const route = useRoute();
  let body;
  if (session === undefined) body = <p class="loading">{t('common.loading')}</p>;
  else if (session === null)
    body =
      route.name === 'enrol' ? (
        <Enrol code={route.code} />
      ) : route.name === 'reset' ? (
        <Reset code={route.code} />
      ) : (
        <SignIn />
      );
  else body = <Signed route={route} />;
  // The coordinator workspace is a laptop layout: it takes the whole window (workspace.css).
  const wide = session && route.name === 'review';
  return (
    <div class={wide ? 'app app-wide' : 'app'} key={lang}>
      <ReloadPrompt />
      {body}
    </div>
  );
}
