// The link of a shared session's QR code (`#/session/<permanence id>`): joins the session on
// this phone, offline too, and opens the permanence screen. A phone with its own open session
// ends that one first.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { uuid } from '../../shared/records';
import { getCurrentSession, joinSession } from '../../local';
import { navigate } from '../router';
import { errorMessage } from '../ui/errors';
import { Screen } from '../ui/Screen';

/** Joins the session `id` and goes to the permanence screen. */
export function JoinSession({ id }: { id: string }) {
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    void (async () => {
      if (!uuid.safeParse(id).success) return setFailure(t('notFound.text'));
      const current = await getCurrentSession();
      if (current?.permanenceId === id) return navigate('/permanence');
      if (current && !current.member) return setFailure(t('permanence.ownOpenFirst'));
      await joinSession(id);
      navigate('/permanence');
    })().catch((err: unknown) => setFailure(errorMessage(err)));
  }, [id]);
  return (
    <Screen title={t('permanence.joinTitle')}>
      {failure ? (
        <p class="form-error" role="alert">
          {failure}
        </p>
      ) : (
        <p class="loading">{t('permanence.joining')}</p>
      )}
      {failure && (
        <button type="button" class="btn btn-secondary" onClick={() => navigate('/permanence')}>
          {t('permanence.title')}
        </button>
      )}
    </Screen>
  );
}
