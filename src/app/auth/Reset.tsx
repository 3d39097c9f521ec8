// Choosing a new password from a coordinator's reset link (`#/reset/<code>`): the app asks the
// server whose code it is (shown, so the person knows it is theirs), takes the new password,
// and signs in with the session the server answers. It is also how a volunteer enrolled by QR
// code (who never had a password) gets back in. Another person's unsent records on the phone
// are handled like at sign-in (Handover).
import { useEffect, useState } from 'preact/hooks';
import type { CodeCheck } from '../../shared/api';
import { t } from '../../shared/i18n';
import { OtherUsersRecordsError } from '../../local/errors';
import { createApiClient } from '../../sync/api-client';
import { navigate } from '../router';
import { deviceLabel, signedIn } from '../session';
import { Field, fieldAria } from '../ui/Field';
import { errorMessage } from '../ui/errors';
import { lazyScreen } from '../ui/lazy';
import { passwordErrorText } from './password';
import type { Refused } from './SignIn';

const Handover = lazyScreen(() => import('./Handover').then((m) => m.Handover));

/** Home for a volunteer, the workspace for a coordinator or admin. */
function goOn(role: string): void {
  navigate(role === 'volunteer' ? '/' : '/review');
}

/** The reset screen. */
export function Reset({ code }: { code: string }) {
  const [check, setCheck] = useState<CodeCheck>();
  const [checkError, setCheckError] = useState<string>();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<Refused>();

  const look = async () => {
    setCheckError(undefined);
    try {
      setCheck(await createApiClient().checkReset(code));
    } catch (err) {
      setCheckError(errorMessage(err));
    }
  };
  useEffect(() => void look(), [code]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!password) return setError(t('password.reason.too_short'));
    setBusy(true);
    setError(undefined);
    try {
      const session = await createApiClient().reset(code, password, deviceLabel());
      try {
        await signedIn(session);
      } catch (err) {
        if (err instanceof OtherUsersRecordsError) return setRefused({ session, refusal: err });
        throw err;
      }
      goOn(session.user.role);
    } catch (err) {
      setError(passwordErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (refused)
    return (
      <main class="screen signin">
        <h1 class="app-title">Digitafel</h1>
        <Handover
          {...refused}
          onAdopted={() => goOn(refused.session.user.role)}
          onCancelled={() => setRefused(undefined)}
        />
      </main>
    );

  return (
    <main class="screen signin">
      <h1 class="app-title">Digitafel</h1>
      <h2>{t('reset.title')}</h2>
      {!check && !checkError && <p role="status">{t('reset.checking')}</p>}
      {checkError && (
        <>
          <p class="form-error" role="alert">
            {checkError}
          </p>
          <button type="button" class="btn btn-primary" onClick={() => void look()}>
            {t('enrol.retry')}
          </button>
          <a class="btn btn-secondary" href="#/signin">
            {t('enrol.useSignIn')}
          </a>
        </>
      )}
      {check && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p>{t('reset.for', { name: check.name, org: check.orgName })}</p>
          <Field id="reset-password" label={t('password.new')} hint={t('password.hint')} error={error}>
            <input
              {...fieldAria('reset-password', error, t('password.hint'))}
              type="password"
              autocomplete="new-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </Field>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('reset.busy') : t('reset.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
