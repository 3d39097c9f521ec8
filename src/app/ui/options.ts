// Chip and select options from the shared enums, labelled in the current language.
import { label, t, type EnumPrefix } from '../../shared/i18n';
import type { ChipOption } from './ChipGroup';

/** Options for every value of an enum, labelled from the catalogue (`prefix.value`). */
export function enumOptions(prefix: EnumPrefix, values: readonly string[]): ChipOption[] {
  return values.map((value) => ({ value, label: label(prefix, value) }));
}

/** The Yes / No options of a yes-no chip group. */
export function yesNoOptions(): ChipOption[] {
  return [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
}

/** A nullable boolean as the selection of a yes-no chip group. */
export function yesNoSelected(v: boolean | null): string[] {
  return v === null ? [] : [v ? 'yes' : 'no'];
}

/** The selection of a yes-no chip group as a nullable boolean. */
export function yesNoValue(sel: readonly string[]): boolean | null {
  return sel[0] === undefined ? null : sel[0] === 'yes';
}
