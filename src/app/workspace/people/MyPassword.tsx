// "Change my password" for the signed-in coordinator or admin. The server ends their other
// sign-ins (this one stays) and refuses a weak password with the reason, worded here.
import { useState } from 'preact/hooks';
import { WEAK_REASONS, type WeakReason } from '../../../shared/api';
import { t } from '../../../shared/i18n';
import { ApiError } from '../../../sync';
import { call } from '../api';
import { Field } from '../Field';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';

const isReason = (r: unknown): r is WeakReason => (WEAK_REASONS as readonly unknown[]).includes(r);

/** Why the new password was refused, in the coordinator's language. */
function weakText(err: ApiError): string {
  const reason = (err.issues?.[0] as { reason?: unknown } | undefined)?.reason;
  return isReason(reason)
    ? `${t('error.weak_password')} ${t(`password.reason.${reason}`)}`
    : t('error.weak_password');
}

/** The change-password form. */
export function MyPassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string }>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    if (!current || !next) {
      return setErrors(current ? { next: ct('people.fillBoth') } : { current: ct('people.fillBoth') });
    }
    setErrors({});
    setBusy(true);
    try {
      await call('POST', '/auth/password', { body: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setStatus(ct('people.passwordChanged'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_credentials') {
        setErrors({ current: ct('people.wrongPassword') });
      } else if (err instanceof ApiError && err.code === 'weak_password') {
        setErrors({ next: weakText(err) });
      } else {
        setStatus(errorNotice(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ws-panel" aria-labelledby="mypassword-title">
      <h2 id="mypassword-title">{ct('people.myPassword')}</h2>
      <p>{ct('people.myPasswordHint')}</p>
      <form class="ws-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="my-current" label={ct('people.currentPassword')} error={errors.current}>
          {(a) => (
            <input
              {...a}
              type="password"
              autocomplete="current-password"
              value={current}
              onInput={(e) => setCurrent(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="my-new"
          label={ct('people.newPassword')}
          hint={ct('people.newPasswordHint')}
          error={errors.next}
        >
          {(a) => (
            <input
              {...a}
              type="password"
              autocomplete="new-password"
              value={next}
              onInput={(e) => setNext(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="ws-form-actions">
          <button type="submit" disabled={busy}>
            {ct('people.changePassword')}
          </button>
          <p role="status">{status}</p>
        </div>
      </form>
    </section>
  );
}
