// A permanence session: start one at a place or join a colleague's (SharedSession.tsx), count
// with big buttons (each tap is saved at once), log help requests inside it, and end it.
import { useState } from 'preact/hooks';
import { PERMANENCE_KINDS } from '../../shared/records';
import { formatTime, getLanguage, label, t } from '../../shared/i18n';
import { sessionCode } from '../../shared/sessions';
import { getCurrentSession, helpRequestsForPermanence, listLocations, startPermanence } from '../../local';
import { navigate } from '../router';
import { SavedNotice } from '../home/SavedNotice';
import { ChipGroup } from '../ui/ChipGroup';
import { Field, fieldAria } from '../ui/Field';
import { errorMessage } from '../ui/errors';
import { enumOptions } from '../ui/options';
import { Screen } from '../ui/Screen';
import { useLive } from '../ui/useLive';
import { EndForm } from './EndForm';
import { EndAsMember, JoinPanel, SessionCounters, SharePanel } from './SharedSession';

/** The start form when no session is open. */
function StartForm() {
  const locations = useLive(listLocations) ?? [];
  const [kind, setKind] = useState('permanence');
  const [locationId, setLocationId] = useState('');
  const [failure, setFailure] = useState<string>();
  const start = async (e: Event) => {
    e.preventDefault();
    try {
      await startPermanence({
        kind: kind as (typeof PERMANENCE_KINDS)[number],
        locationId: locationId || null,
      });
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <form onSubmit={start} noValidate>
      <ChipGroup
        id="perm-kind"
        legend={t('permanence.kind')}
        options={enumOptions('permanenceKind', PERMANENCE_KINDS)}
        selected={[kind]}
        onChange={(s) => s[0] && setKind(s[0])}
      />
      {locations.length > 0 && (
        <Field id="perm-place" label={t('permanence.place')}>
          <select
            {...fieldAria('perm-place')}
            value={locationId}
            onChange={(e) => setLocationId(e.currentTarget.value)}
          >
            <option value="">{t('help.noPlace')}</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" class="btn btn-primary">
        {t('permanence.start')}
      </button>
    </form>
  );
}

/** The permanence screen: start or join form, or the open session with its counters. */
export function PermanencePage() {
  const current = useLive(async () => (await getCurrentSession()) ?? null);
  const id = current?.permanenceId;
  const helped = useLive(async () => (id ? (await helpRequestsForPermanence(id)).length : 0), [id]);
  const locations = useLive(listLocations) ?? [];

  if (current === undefined)
    return (
      <Screen title={t('permanence.title')}>
        <p class="loading">{t('common.loading')}</p>
      </Screen>
    );
  if (current === null)
    return (
      <Screen title={t('permanence.title')}>
        <SavedNotice />
        <p>{t('permanence.noneOpen')}</p>
        <StartForm />
        <JoinPanel />
      </Screen>
    );
  const open = current.permanence;
  const place = open && locations.find((l) => l.id === open.locationId)?.name;
  return (
    <Screen title={t('permanence.title')}>
      <SavedNotice />
      <p class="perm-summary">
        {open
          ? t('permanence.openSince', {
              kind: label('permanenceKind', open.kind),
              time: formatTime(getLanguage(), open.startedAt),
            })
          : t('permanence.joinedPending', { code: sessionCode(current.permanenceId) })}
        {place && ` · ${place}`}
      </p>
      <SessionCounters session={current} />
      <p>{t('permanence.helpCount', { n: helped ?? 0 })}</p>
      <button type="button" class="btn btn-big" onClick={() => navigate('/help/new')}>
        {t('permanence.logHelp')}
      </button>
      <SharePanel session={current} />
      {current.member ? <EndAsMember memberId={current.member.id} /> : open && <EndForm permanence={open} />}
    </Screen>
  );
}
