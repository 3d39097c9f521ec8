// The main fields of the help form, in tap order: topics (common ones first, then "more"),
// outcome, referral partners when referred, then channel, place, duration, device, follow-up.
import { useState } from 'preact/hooks';
import { CHANNELS, DEVICES_USED, DURATION_BANDS, OUTCOMES } from '../../shared/records';
import { BUILTIN_TOPICS, COMMON_TOPICS } from '../../shared/topics';
import { label, t, topicLabel } from '../../shared/i18n';
import { listLocations, listPartners, listTopics } from '../../local';
import { ChipGroup, type ChipOption } from '../ui/ChipGroup';
import { Field, fieldAria } from '../ui/Field';
import { enumOptions, yesNoOptions, yesNoSelected, yesNoValue } from '../ui/options';
import { useLive } from '../ui/useLive';
import type { Draft } from './draft';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  update: (patch: Partial<Draft>) => void;
}

const sel = (v: string | undefined) => (v ? [v] : []);

/** Built-in topics (common first) plus the organisation's own, labelled. */
function useTopicOptions(): { common: ChipOption[]; all: ChipOption[] } {
  const orgTopics = useLive(listTopics) ?? [];
  const names = new Map(orgTopics.map((tp) => [tp.key, tp.labels]));
  const common = COMMON_TOPICS.map((k) => ({ value: k, label: label('topic', k) }));
  const rest = BUILTIN_TOPICS.filter((k) => !COMMON_TOPICS.includes(k)).map((k) => ({
    value: k,
    label: label('topic', k),
  }));
  const builtin = new Set<string>(BUILTIN_TOPICS);
  const own = orgTopics
    .filter((tp) => !builtin.has(tp.key))
    .map((tp) => ({ value: tp.key, label: topicLabel(tp.key, names) }));
  return { common, all: [...common, ...rest, ...own] };
}

/** Topics, outcome, partners, channel, place, duration, device, did-it-themselves, follow-up. */
export function HelpFields({ draft, errors, update }: Props) {
  const [more, setMore] = useState(() => draft.topics.some((k) => !COMMON_TOPICS.includes(k as never)));
  const topics = useTopicOptions();
  const locations = useLive(listLocations) ?? [];
  const partners = useLive(listPartners) ?? [];
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
      <ChipGroup
        id="help-outcome"
        legend={t('help.outcome')}
        options={enumOptions('outcome', OUTCOMES)}
        selected={sel(draft.outcome)}
        onChange={(s) => update({ outcome: s[0] })}
        error={errors.outcome}
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
        id="help-did-it"
        legend={t('help.didItThemselves')}
        options={yesNoOptions()}
        selected={yesNoSelected(draft.didItThemselves)}
        onChange={(s) => update({ didItThemselves: yesNoValue(s) })}
        error={errors.didItThemselves}
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
