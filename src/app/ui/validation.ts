// Zod issues from the local store's ValidationError, turned into one message per form field in
// the current language (the first issue of a field wins). Field = the first segment of the path.
import { t } from '../../shared/i18n';
import type { LocalFields } from '../../local';

/** The part of a zod issue the forms read. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  maximum?: unknown;
  minimum?: unknown;
}

/** The message for one issue, in the current language. */
export function issueMessage(issue: IssueLike): string {
  const field = String(issue.path[0] ?? '');
  if (field === 'consent') return t('loans.consentRequired');
  switch (issue.code) {
    case 'too_small':
      if (field === 'topics') return t('validation.topicsRequired');
      return t('validation.required');
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum ?? 0) });
    case 'invalid_type':
      return t('validation.required');
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_format':
      return t('validation.format');
    default:
      return t('validation.invalid');
  }
}

/** One message per field: { topics: "Choose at least one topic", ... }. */
export function fieldErrors(issues: readonly IssueLike[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_form');
    out[field] ??= issueMessage(issue);
  }
  return out;
}

/** Moves focus to the first field with an error (after a refused save). */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"], fieldset.field-invalid button');
    el?.focus();
  });
}

/**
 * The field issues the server gave when it refused this record (push result `rejected`), so
 * the edit form opens with the fields to correct already marked. Only well-formed issues are
 * kept: they come over the network.
 */
export function refusedIssues(record: Pick<LocalFields, 'syncState' | 'syncError'>): IssueLike[] {
  if (record.syncState !== 'needs_attention' || !Array.isArray(record.syncError?.issues)) return [];
  return (record.syncError.issues as unknown[]).filter(
    (i): i is IssueLike =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as IssueLike).code === 'string' &&
      Array.isArray((i as IssueLike).path),
  );
}
