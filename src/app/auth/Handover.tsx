// A phone changing hands: the server accepted the new sign-in, but the phone still holds records
// of the person who used it before that the server does not have (src/sync/session.ts). In the
// same organisation the new user may send them under their own name; otherwise (or on Cancel)
// the new sign-in is withdrawn and nothing on the phone changes.
import { useState } from 'preact/hooks';
import type { Session } from '../../shared/api';
import { t, tn } from '../../shared/i18n';
import type { OtherUsersRecordsError } from '../../local/errors';
import { signedIn } from '../session';
import { errorMessage } from '../ui/errors';

interface Props {
  session: Session;
  refusal: OtherUsersRecordsError;
  /** After the records were adopted and the new session stored. */
  onAdopted: () => void;
  /** After Cancel: the new sign-in was withdrawn on the server (or will expire unused). */
  onCancelled: () => void;
}

/** The choice offered when someone else's unsent records are on the phone. */
export function Handover({ session, refusal, onAdopted, onCancelled }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const params = { name: refusal.ownerName };
  const adopt = async () => {
    setBusy(true);
    try {
      await signedIn(session, { adoptPending: true });
      onAdopted();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  const cancel = async () => {
    setBusy(true);
    // Withdraw the unused sign-in; offline it stays unused and expires.
    const { createApiClient } = await import('../../sync/api-client');
    await createApiClient({ getToken: () => session.token })
      .logout()
      .catch(() => undefined);
    onCancelled();
  };
  return (
    <section
      class="handover"
      role="alertdialog"
      aria-labelledby="handover-title"
      aria-describedby="handover-text"
    >
      <h2 id="handover-title">{t('handover.title')}</h2>
      <p id="handover-text">
        {tn(refusal.sameOrg ? 'handover.sameOrg' : 'handover.otherOrg', refusal.pending, params)}
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {refusal.sameOrg && (
        <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void adopt()}>
          {t('handover.adopt')}
        </button>
      )}
      <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => void cancel()}>
        {t('common.cancel')}
      </button>
    </section>
  );
}
