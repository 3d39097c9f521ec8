// Personal-data classification: a marker registered on schema fields, read by the retention
// job and by tests, so the rule for a field lives next to the field itself.
import { z } from './zod';

/** What kind of personal data a field holds; each class has one retention rule. */
export type PersonalDataClass =
  | 'free_text' // notes typed by helpers: may hold anything, cleared after 26 weeks
  | 'pseudonym_link' // visitorCode, createdBy: links a record to a person, dropped after 12 months
  | 'identity' // borrower name and contact: deleted 6 months after return or gift
  | 'quasi_identifier'; // age band, gender, postcode: kept, but only reported in groups of 5+

export const personalData = z.registry<{ class: PersonalDataClass }>();

/** Marks a schema as holding personal data of the given class and returns it. */
export function pd<T extends z.ZodType>(schema: T, cls: PersonalDataClass): T {
  personalData.add(schema, { class: cls });
  return schema;
}

/** Retention in days per class (src/shared/README.md "Personal data"); null means kept (aggregated only). */
export const retentionDays: Record<PersonalDataClass, number | null> = {
  free_text: 26 * 7,
  pseudonym_link: 365,
  identity: 182,
  quasi_identifier: null,
};

/** Lists the top-level fields of an object schema that carry a personal-data marker. */
export function personalFields(schema: z.ZodObject): Array<{ field: string; class: PersonalDataClass }> {
  const out: Array<{ field: string; class: PersonalDataClass }> = [];
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    let s: z.ZodType = fieldSchema as z.ZodType;
    for (;;) {
      const meta = personalData.get(s);
      if (meta) {
        out.push({ field, class: meta.class });
        break;
      }
      if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
      else break;
    }
  }
  return out;
}
