// A permanence session: start one at a place, count visitors and people turned away with big
// buttons (each tap is saved at once), log help requests inside it, and end it with notes.
import { useState } from 'preact/hooks';
import { PERMANENCE_KINDS } from '../../shared/records';
import { formatTime, getLanguage, label, t } from '../../shared/i18n';
import {
  addTurnedAway,
  addVisitor,
  getOpenPermanence,
  helpRequestsForPermanence,
  listLocations,
  startPermanence,
} from '../../local';
import { navigate } from '../router';
import { SavedNotice } from '../home/SavedNotice';
import { ChipGroup } from '../ui/ChipGroup';
import { Counter } from '../ui/Counter';
import { Field, fieldAria } from '../ui/Field';
import { errorMessage } from '../ui/errors';
import { enumOptions } from '../ui/options';
import { Screen } from '../ui/Screen';
import { useLive } from '../ui/useLive';
import { EndForm } from './EndForm';

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

/** The permanence screen: start form, or the open session with its counters. */
export function PermanencePage() {
  const open = useLive(async () => (await getOpenPermanence()) ?? null);
  const helped = useLive(
    async () => (open ? (await helpRequestsForPermanence(open.id)).length : 0),
    [open?.id],
  );
  const locations = useLive(listLocations) ?? [];
  const [failure, setFailure] = useState<string>();
  const bump = (fn: typeof addVisitor, id: string) => (delta: 1 | -1) =>
    fn(id, delta).catch((err: unknown) => setFailure(errorMessage(err)));

  if (open === undefined)
    return (
      <Screen title={t('permanence.title')}>
        <p class="loading">{t('common.loading')}</p>
      </Screen>
    );
  if (open === null)
    return (
      <Screen title={t('permanence.title')}>
        <SavedNotice />
        <p>{t('permanence.noneOpen')}</p>
        <StartForm />
      </Screen>
    );
  const place = locations.find((l) => l.id === open.locationId)?.name;
  return (
    <Screen title={t('permanence.title')}>
      <SavedNotice />
      <p class="perm-summary">
        {t('permanence.openSince', {
          kind: label('permanenceKind', open.kind),
          time: formatTime(getLanguage(), open.startedAt),
        })}
        {place && ` · ${place}`}
      </p>
      <Counter
        id="perm-visitors"
        label={t('permanence.visitors')}
        value={open.visitorCount}
        plusLabel={t('permanence.plusVisitor')}
        minusLabel={t('permanence.minusVisitor')}
        onChange={bump(addVisitor, open.id)}
      />
      <Counter
        id="perm-turned-away"
        label={t('permanence.turnedAway')}
        value={open.turnedAwayCount}
        plusLabel={t('permanence.plusTurnedAway')}
        minusLabel={t('permanence.minusTurnedAway')}
        onChange={bump(addTurnedAway, open.id)}
      />
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <p>{t('permanence.helpCount', { n: helped ?? 0 })}</p>
      <button type="button" class="btn btn-big" onClick={() => navigate('/help/new')}>
        {t('permanence.logHelp')}
      </button>
      <EndForm permanence={open} />
    </Screen>
  );
}
