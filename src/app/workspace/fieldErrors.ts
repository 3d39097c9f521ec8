// Turns the server's 400 answer (the API error body `{error: {code, message, issues}}`, the issues being
// zod's) into one message per form field in the coordinator's language, so a bad filter or
// correction is explained next to the field that holds it.
import { ApiError } from '../../sync';
import { messageOf } from './api';
import { ct } from './i18n';

export type FieldErrors = Record<string, string>;

interface Issue {
  code?: string;
  path?: PropertyKey[];
  keys?: string[];
  values?: unknown[];
}

/** Why one zod issue failed, in the current language. */
export function issueReason(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values?.length
        ? ct('issue.oneOf', { values: issue.values.map((v) => JSON.stringify(v)).join(', ') })
        : ct('issue.invalid');
    case 'invalid_type':
      return ct('issue.type');
    case 'invalid_format':
      return ct('issue.format');
    case 'too_big':
      return ct('issue.tooBig');
    case 'too_small':
      return ct('issue.tooSmall');
    case 'unrecognized_keys':
      return ct('issue.unknownField');
    default:
      return ct('issue.invalid');
  }
}

/**
 * The field messages of a failed call. `fieldOf` names the form field an issue path belongs to
 * (undefined: not one of the form's fields); what fits no field comes back as `general`.
 */
export function fieldErrors(
  err: unknown,
  fieldOf: (path: PropertyKey[]) => string | undefined,
): { fields: FieldErrors; general?: string } {
  if (!(err instanceof ApiError) || err.status !== 400 || !err.issues?.length) {
    return { fields: {}, general: ct('common.error', { message: messageOf(err) }) };
  }
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const raw of err.issues) {
    const issue = raw as Issue;
    const path = issue.path ?? [];
    const named = issue.code === 'unrecognized_keys' && issue.keys ? issue.keys.join(', ') : path.join('.');
    const text = named ? ct('issue.field', { field: named, reason: issueReason(issue) }) : issueReason(issue);
    const field = fieldOf(path);
    if (field) fields[field] = fields[field] ? `${fields[field]} ${text}` : text;
    else rest.push(text);
  }
  return rest.length ? { fields, general: rest.join(' ') } : { fields };
}

/** One message for a failed action: the translated reasons of a 400, else the server's words. */
export function errorNotice(err: unknown): string {
  return fieldErrors(err, () => undefined).general ?? ct('common.error', { message: messageOf(err) });
}
