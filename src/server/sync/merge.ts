// The field-by-field merge of a stale write: the later arrival wins per field, and every value
// it overwrote with a different one is reported so it can be kept for review.

type Data = Record<string, unknown>;

/** Device clock fields: informative only, never reported as overwritten. */
const CLOCK_FIELDS = new Set(['createdAt', 'updatedAt']);

export interface MergeResult {
  data: Data;
  overwritten: Array<{ field: string; oldValue: unknown; newValue: unknown }>;
}

/** Merges `incoming` over `current`; fields absent from `incoming` keep their current value. */
export function mergeFields(current: Data, incoming: Data): MergeResult {
  const data: Data = { ...current };
  const overwritten: MergeResult['overwritten'] = [];
  for (const [field, newValue] of Object.entries(incoming)) {
    const oldValue = current[field];
    if (
      !CLOCK_FIELDS.has(field) &&
      oldValue !== undefined &&
      JSON.stringify(oldValue) !== JSON.stringify(newValue)
    ) {
      overwritten.push({ field, oldValue, newValue });
    }
    data[field] = newValue;
  }
  return { data, overwritten };
}
