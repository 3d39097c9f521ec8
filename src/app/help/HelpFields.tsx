// The main fields of the help form, in tap order: topics (common ones first, then "more"),
// outcome, did the person do it themselves, referral partners when referred, then channel,
// place, duration, device, follow-up.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  CHANNELS,
  DEVICES_USED,
  DID_IT_THEMSELVES,
  DURATION_BANDS,
  OUTCOMES,
  type DidItThemselves,
} from '../../shared/records';
import { COMMON_TOPICS } from '../../shared/topics';
import { t } from '../../shared/i18n';
import { ChipGroup } from '../ui/ChipGroup';
import { Field, fieldAria } from '../ui/Field';
import { enumOptions } from '../ui/options';
import type { HelpChoices } from './choices';
import type { Draft } from './draft';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  update: (patch: Partial<Draft>) => void;
  /** Topics, places and partners to choose from (the phone's store, or the server's lists). */
  choices: HelpChoices;
  /** Shown right below the topics (the phone's form: the fiches of the chosen topics). */
  afterTopics?: ComponentChildren;
}

const sel = (v: string | undefined) => (v ? [v] : []);

/** Topics, outcome, did-it-themselves, partners, channel, place, duration, device, follow-up. */
export function HelpFields({ draft, errors, update, choices, afterTopics }: Props) {
  const [more, setMore] = useState(() => draft.topics.some((k) => !COMMON_TOPICS.includes(k as never)));
  const { topics, locations, partners } = choices;
  const shown = more
    ? topics.all
    : [
        ...topics.common,
        ...topics.all.filter((o) => !topics.common.includes(o) && draft.topics.includes(o.value)),
      ];
  return (
    <>
      <ChipGroup
        id="help-topics"
        legend={t('help.topics')}
        options={shown}
        selected={draft.topics}
        multiple
        onChange={(topics) => update({ topics })}
        error={errors.topics}
      >
        {!more && (
          <button type="button" class="chip chip-more" onClick={() => setMore(true)}>
            {t('help.moreTopics')}
          </button>
        )}
      </ChipGroup>
      {afterTopics}
      <ChipGroup
        id="help-outcome"
        legend={t('help.outcome')}
        options={enumOptions('outcome', OUTCOMES)}
        selected={sel(draft.outcome)}
        onChange={(s) => update({ outcome: s[0] })}
        error={errors.outcome}
      />
      {/* On the first screen, next to the outcome: the heart of "help with, not do for". */}
      <ChipGroup
        id="help-did-it"
        legend={t('help.didItThemselves')}
        options={enumOptions('didIt', DID_IT_THEMSELVES)}
        selected={sel(draft.didItThemselves ?? undefined)}
        onChange={(s) => update({ didItThemselves: (s[0] as DidItThemselves | undefined) ?? null })}
        error={errors.didItThemselves}
      />
      {draft.outcome === 'referred' &&
        (partners.length > 0 ? (
          <ChipGroup
            id="help-partners"
            legend={t('help.partners')}
            options={partners.map((p) => ({ value: p.id, label: p.name }))}
            selected={draft.referralPartnerIds}
            multiple
            onChange={(referralPartnerIds) => update({ referralPartnerIds })}
            error={errors.referralPartnerIds}
          />
        ) : (
          <p class="hint">{t('help.noPartners')}</p>
        ))}
      <ChipGroup
        id="help-channel"
        legend={t('help.channel')}
        options={enumOptions('channel', CHANNELS)}
        selected={[draft.channel]}
        onChange={(s) => s[0] && update({ channel: s[0] })}
        error={errors.channel}
      />
      {draft.permanenceId && (
        <label class="check">
          <input type="checkbox" checked onChange={() => update({ permanenceId: null })} />
          {t('help.inPermanence')}
        </label>
      )}
      {locations.length > 0 && (
        <Field id="help-place" label={t('help.place')} error={errors.locationId}>
          <select
            {...fieldAria('help-place', errors.locationId)}
            value={draft.locationId ?? ''}
            onChange={(e) => update({ locationId: e.currentTarget.value || null })}
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
      <ChipGroup
        id="help-duration"
        legend={t('help.duration')}
        options={enumOptions('duration', DURATION_BANDS)}
        selected={sel(draft.durationBand)}
        onChange={(s) => update({ durationBand: s[0] })}
        error={errors.durationBand}
      />
      <ChipGroup
        id="help-device"
        legend={t('help.deviceUsed')}
        options={enumOptions('deviceUsed', DEVICES_USED)}
        selected={sel(draft.deviceUsed)}
        onChange={(s) => update({ deviceUsed: s[0] })}
        error={errors.deviceUsed}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={draft.followUpNeeded}
          onChange={(e) => update({ followUpNeeded: e.currentTarget.checked })}
        />
        {t('help.followUp')}
      </label>
    </>
  );
}
