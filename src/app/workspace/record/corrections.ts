// What a correction sends: only the fields the coordinator changed, checked first against the
// same zod schema the phone's store and the server use, so a bad value is said next to its
// field before anything is sent; the server checks the merged record again.
import { inputSchemas, toInput, type TableName } from '../../../shared/records';
import { ApiError } from '../../../sync';
import type { IssueLike } from '../../ui/validation';

type Data = Record<string, unknown>;

/** The fields whose values differ between two versions of the form's record. */
export function changedFields(before: Data, after: Data): Data {
  const out: Data = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out[k] = after[k] ?? null;
  }
  return out;
}

/** The schema's issues with `record` once `changes` are applied (none: it may be sent). */
export function correctionIssues(table: TableName, record: Data, changes: Data): IssueLike[] {
  const parsed = inputSchemas[table].safeParse({ ...toInput(table, record), ...changes });
  return parsed.success ? [] : parsed.error.issues;
}

/** The field issues of a refused PATCH (a 400 with zod issues), else none. */
export function serverIssues(err: unknown): IssueLike[] {
  if (!(err instanceof ApiError) || err.status !== 400 || !Array.isArray(err.issues)) return [];
  return err.issues.filter(
    (i): i is IssueLike =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as IssueLike).code === 'string' &&
      Array.isArray((i as IssueLike).path),
  );
}
