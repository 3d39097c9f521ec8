// Sign-in with e-mail and password. Each sign-in enrols this install as a new device on the
// server; the session then lives in the local database. Ships in the first load (it is the
// first screen on a fresh phone), so the API client and its zod schemas load on submit.
import { useState } from 'preact/hooks';
import type { Session } from '../../shared/api';
import { t } from '../../shared/i18n';
import { OtherUsersRecordsError } from '../../local/errors';
import { navigate } from '../router';
import { deviceLabel, signedIn } from '../session';
import { Field, fieldAria } from '../ui/Field';
import { errorMessage } from '../ui/errors';
import { lazyScreen } from '../ui/lazy';

const Handover = lazyScreen(() => import('./Handover').then((m) => m.Handover));

/** A sign-in the phone refused to store: someone else's records are still on it. */
export interface Refused {
  session: Session;
  refusal: OtherUsersRecordsError;
}

/** The sign-in screen. */
export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<Refused>();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError(t('signin.missing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { createApiClient } = await import('../../sync/api-client');
      const session = await createApiClient().login(email.trim(), password, deviceLabel());
      try {
        await signedIn(session);
      } catch (err) {
        if (err instanceof OtherUsersRecordsError) return setRefused({ session, refusal: err });
        throw err;
      }
      goHome();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const goHome = () => {
    if (window.location.hash.startsWith('#/signin')) navigate('/');
  };
  if (refused)
    return (
      <main class="screen signin">
        <h1 class="app-title">Digitafel</h1>
        <Handover {...refused} onAdopted={goHome} onCancelled={() => setRefused(undefined)} />
      </main>
    );

  return (
    <main class="screen signin">
      <h1 class="app-title">Digitafel</h1>
      <h2>{t('signin.title')}</h2>
      <p>{t('signin.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field id="signin-email" label={t('signin.email')}>
          <input
            {...fieldAria('signin-email')}
            type="email"
            autocomplete="username"
            inputMode="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </Field>
        <Field id="signin-password" label={t('signin.password')}>
          <input
            {...fieldAria('signin-password')}
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
      <p class="hint">{t('signin.enrolHint')}</p>
    </main>
  );
}
