// Enrolment from a coordinator's QR code: the URL `#/enrol/<code>` opens the app, which first
// asks the server whose code it is (organisation and name, without using it) and asks the
// person before enrolling: a link can come from anyone, a coordinator of another organisation
// on the same server included. Then it trades the one-time code for a session and goes Home.
import { useEffect, useState } from 'preact/hooks';
import type { CodeCheck } from '../../shared/api';
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

type State = 'checking' | 'asking' | 'busy' | 'failed';

/** The enrolment screen. */
export function Enrol({ code }: Props) {
  const session = useSession();
  const [state, setState] = useState<State>('checking');
  const [check, setCheck] = useState<CodeCheck>();
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<Refused>();

  const fail = (err: unknown) => {
    setError(errorMessage(err));
    setState('failed');
  };

  const look = async () => {
    setState('checking');
    try {
      setCheck(await createApiClient().checkEnrolment(code));
      setState('asking');
    } catch (err) {
      fail(err);
    }
  };

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
      fail(err);
    }
  };

  useEffect(() => void look(), [code]);

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
      {state === 'checking' && <p role="status">{t('enrol.checking')}</p>}
      {state === 'busy' && <p role="status">{t('enrol.busy')}</p>}
      {state === 'asking' && check && (
        <>
          <p class="enrol-question">{t('enrol.question', { org: check.orgName, name: check.name })}</p>
          <p>{t('enrol.intro', { org: check.orgName })}</p>
          {session && <p class="notice notice-warn">{t('enrol.alreadySignedIn')}</p>}
          <button type="button" class="btn btn-primary" onClick={() => void enrol()}>
            {t('enrol.join')}
          </button>
          <a class="btn btn-secondary" href="#/">
            {t('enrol.cancel')}
          </a>
        </>
      )}
      {state === 'failed' && (
        <>
          <p class="form-error" role="alert">
            {error}
          </p>
          <button type="button" class="btn btn-primary" onClick={() => void look()}>
            {t('enrol.retry')}
          </button>
          <a class="btn btn-secondary" href="#/signin">
            {t('enrol.useSignIn')}
          </a>
        </>
      )}
    </main>
  );
}
