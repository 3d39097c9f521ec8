// Enrolment from a coordinator's QR code: the URL `#/enrol/<code>` opens the app, which trades
// the one-time code for a session and goes Home. A phone already signed in asks first.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { createApiClient } from '../../sync/api-client';
import { navigate } from '../router';
import { deviceLabel, signedIn, useSession } from '../session';
import { errorMessage } from '../ui/errors';
import { lazyScreen } from '../ui/lazy';
import { OtherUsersRecordsError } from '../../local/errors';
import type { Refused } from './SignIn';

const Handover = lazyScreen(() => import('./Handover').then((m) => m.Handover));

interface Props {
  code: string;
}

/** The enrolment screen. */
export function Enrol({ code }: Props) {
  const session = useSession();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<Refused>();

  const enrol = async () => {
    setState('busy');
    try {
      const s = await createApiClient().enrol(code, deviceLabel());
      try {
        await signedIn(s);
      } catch (err) {
        if (err instanceof OtherUsersRecordsError) return setRefused({ session: s, refusal: err });
        throw err;
      }
      navigate('/');
    } catch (err) {
      setError(errorMessage(err));
      setState('failed');
    }
  };

  useEffect(() => {
    if (session === null && state === 'idle') void enrol();
    // Only on arrival without a session; a signed-in phone asks first.
  }, [session]);

  if (refused)
    return (
      <main class="screen enrol">
        <h1 class="app-title">Digitafel</h1>
        <Handover
          {...refused}
          onAdopted={() => navigate('/')}
          onCancelled={() => {
            // The code is used up: the coordinator makes a new one if this phone is to be enrolled.
            setRefused(undefined);
            navigate('/');
          }}
        />
      </main>
    );

  return (
    <main class="screen enrol">
      <h1 class="app-title">Digitafel</h1>
      <h2>{t('enrol.title')}</h2>
      {state === 'busy' && <p role="status">{t('enrol.busy')}</p>}
      {state === 'failed' && (
        <>
          <p class="form-error" role="alert">
            {error}
          </p>
          <button type="button" class="btn btn-primary" onClick={enrol}>
            {t('enrol.retry')}
          </button>
          <a class="btn btn-secondary" href="#/signin">
            {t('enrol.useSignIn')}
          </a>
        </>
      )}
      {session && state === 'idle' && (
        <>
          <p>{t('enrol.alreadySignedIn')}</p>
          <button type="button" class="btn btn-primary" onClick={enrol}>
            {t('enrol.confirm')}
          </button>
          <a class="btn btn-secondary" href="#/">
            {t('nav.home')}
          </a>
        </>
      )}
    </main>
  );
}
