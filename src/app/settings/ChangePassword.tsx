// "Change my password" for a person who signs in with e-mail and password (a volunteer enrolled
// by QR code has none: they get a reset link from their coordinator). The server ends their
// other sign-ins; this phone stays signed in.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { apiForSession, getSession } from '../../sync';
import { passwordErrorText } from '../auth/password';
import { errorCode } from '../ui/errors';
import { useSession } from '../session';
import { Field, fieldAria } from '../ui/Field';

/** The change-password section, or nothing for a person without e-mail sign-in. */
export function ChangePassword() {
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  /** The message and the field it belongs to. */
  const [error, setError] = useState<{ field: 'current' | 'new'; text: string }>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!session?.user.email) return null;
  const currentError = error?.field === 'current' ? error.text : undefined;
  const newError = error?.field === 'new' ? error.text : undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    if (!current || !next)
      return setError({ field: current ? 'new' : 'current', text: t('password.missing') });
    setBusy(true);
    setError(undefined);
    try {
      await apiForSession(await getSession()).changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setError(
        errorCode(err) === 'invalid_credentials'
          ? { field: 'current', text: t('password.wrongCurrent') }
          : { field: 'new', text: passwordErrorText(err) },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="password-h">
      <h2 id="password-h">{t('password.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="password-current" label={t('password.current')} error={currentError}>
          <input
            {...fieldAria('password-current', currentError)}
            type="password"
            autocomplete="current-password"
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </Field>
        <Field id="password-new" label={t('password.new')} hint={t('password.hint')} error={newError}>
          <input
            {...fieldAria('password-new', newError, t('password.hint'))}
            type="password"
            autocomplete="new-password"
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        </Field>
        {done && (
          <p class="notice" role="status">
            {t('password.changed')}
          </p>
        )}
        <button type="submit" class="btn btn-secondary" disabled={busy}>
          {busy ? t('password.busy') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
