// zod, with one change: every `z.string()` refuses text that is not well-formed Unicode (a lone
// UTF-16 surrogate, which JSON can carry as "\ud800"). Such text cannot be encoded as UTF-8, so
// it breaks whatever reads it later: PostgreSQL refuses it in jsonb (a topic filter over a
// stored note then fails for the whole organisation), CSV and XLSX writers mangle it. Format
// schemas (uuid, email, iso dates, enums) only match ASCII patterns and need nothing more.
// Import `z` from './zod', which re-exports this module as the namespace `z`.
import { string as baseString } from 'zod';
import { isWellFormed } from './unicode';

export * from 'zod';

/** `z.string()` plus the well-formed Unicode check (zod 4's `refine` keeps the ZodString type). */
export const string = ((params?: Parameters<typeof baseString>[0]) =>
  baseString(params).refine(isWellFormed, {
    message: 'contains a broken character (a lone UTF-16 surrogate)',
  })) as typeof baseString;
