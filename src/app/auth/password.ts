// What to say when the server refuses a new password (400 weak_password with the reason in the
// first issue) or any other failure of a password form, in the person's language: the reset
// screen and Settings.
import { WEAK_REASONS, type WeakReason } from '../../shared/api';
import { t } from '../../shared/i18n';
import { errorCode, errorMessage } from '../ui/errors';

const isReason = (r: unknown): r is WeakReason => (WEAK_REASONS as readonly unknown[]).includes(r);

/** The reason a new password was refused, or undefined when the error is not about its strength. */
export function weakPasswordText(err: unknown): string | undefined {
  if (errorCode(err) !== 'weak_password') return undefined;
  const reason = (err as { issues?: Array<{ reason?: unknown }> }).issues?.[0]?.reason;
  return isReason(reason)
    ? `${t('error.weak_password')} ${t(`password.reason.${reason}`)}`
    : t('error.weak_password');
}

/** The message for a failed password form: the strength reason, or the error's own text. */
export function passwordErrorText(err: unknown): string {
  return weakPasswordText(err) ?? errorMessage(err);
}
