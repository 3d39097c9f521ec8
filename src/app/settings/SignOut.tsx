// Sign-out: warns when records are still waiting to be sent or need attention (they stay on the
// phone and go out after the next sign-in); otherwise says that the phone's records and lists
// are removed (src/sync/session.ts forgets them). Tells the server this device's token is done
// when it can.
import { useState } from 'preact/hooks';
import { t, tn } from '../../shared/i18n';
import { syncSummary } from '../../local';
import { apiForSession, getSession } from '../../sync';
import { navigate } from '../router';
import { signOut } from '../session';
import { useLive } from '../ui/useLive';
import { WhoAmI } from './WhoAmI';

/** The sign-out section. */
export function SignOut() {
  const summary = useLive(syncSummary);
  const [busy, setBusy] = useState(false);
  const waiting = (summary?.pending ?? 0) + (summary?.needsAttention ?? 0);
  const run = async () => {
    setBusy(true);
    const session = await getSession();
    await apiForSession(session)
      .logout()
      .catch(() => undefined);
    await signOut();
    navigate('/');
  };
  return (
    <section aria-labelledby="signout-h">
      <h2 id="signout-h">{t('settings.account')}</h2>
      <WhoAmI />
      {summary &&
        (waiting > 0 ? (
          <p class="notice notice-warn" role="note">
            {tn('settings.signOutWaiting', waiting)}
          </p>
        ) : (
          <p class="hint">{t('settings.signOutClears')}</p>
        ))}
      <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void run()}>
        {t('settings.signOut')}
      </button>
    </section>
  );
}
