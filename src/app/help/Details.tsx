// The optional part of the help form (who was helped, for reach figures), folded away by
// default: age band, gender (incl. "not asked"), language, postcode, repeat visitor, visitor code.
import { AGE_BANDS, GENDERS, LANGUAGES } from '../../shared/records';
import { t } from '../../shared/i18n';
import { ChipGroup } from '../ui/ChipGroup';
import { Field, fieldAria } from '../ui/Field';
import { enumOptions, yesNoOptions, yesNoSelected, yesNoValue } from '../ui/options';
import type { Draft } from './draft';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  update: (patch: Partial<Draft>) => void;
}

const one = (sel: string[]) => sel[0];
const sel = (v: string | undefined) => (v ? [v] : []);

/** The optional details section. */
export function Details({ draft, errors, update }: Props) {
  const open = Object.keys(errors).some((k) =>
    ['ageBand', 'gender', 'language', 'districtOrPostcode', 'repeatVisitor', 'visitorCode'].includes(k),
  );
  return (
    <details class="optional" open={open || undefined}>
      <summary>{t('help.optional')}</summary>
      <ChipGroup
        id="help-age"
        legend={t('help.ageBand')}
        options={enumOptions('ageBand', AGE_BANDS)}
        selected={sel(draft.ageBand)}
        onChange={(s) => update({ ageBand: one(s) })}
        error={errors.ageBand}
      />
      <ChipGroup
        id="help-gender"
        legend={t('help.gender')}
        options={enumOptions('gender', GENDERS)}
        selected={sel(draft.gender)}
        onChange={(s) => update({ gender: one(s) })}
        error={errors.gender}
      />
      <ChipGroup
        id="help-language"
        legend={t('help.language')}
        options={enumOptions('language', LANGUAGES)}
        selected={sel(draft.language)}
        onChange={(s) => update({ language: one(s) })}
        error={errors.language}
      />
      <Field id="help-postcode" label={t('help.postcode')} error={errors.districtOrPostcode}>
        <input
          {...fieldAria('help-postcode', errors.districtOrPostcode)}
          inputMode="numeric"
          autocomplete="off"
          value={draft.districtOrPostcode}
          onInput={(e) => update({ districtOrPostcode: e.currentTarget.value })}
        />
      </Field>
      <ChipGroup
        id="help-repeat"
        legend={t('help.repeatVisitor')}
        options={yesNoOptions()}
        selected={yesNoSelected(draft.repeatVisitor)}
        onChange={(s) => update({ repeatVisitor: yesNoValue(s) })}
        error={errors.repeatVisitor}
      />
      <Field
        id="help-visitor-code"
        label={t('help.visitorCode')}
        hint={t('help.visitorCodeHint')}
        error={errors.visitorCode}
      >
        <input
          {...fieldAria('help-visitor-code', errors.visitorCode, t('help.visitorCodeHint'))}
          autocomplete="off"
          value={draft.visitorCode}
          onInput={(e) => update({ visitorCode: e.currentTarget.value })}
        />
      </Field>
    </details>
  );
}
