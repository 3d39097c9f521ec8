// A name or asset tag already in use (409 `name_taken` / `asset_tag_taken`, with an issue whose
// path names the field): the field it belongs to, so the form says so right under it.
import { ApiError } from '../../sync';

/** The path of the field whose value is taken, or undefined when `err` is something else. */
export function takenPath(err: unknown): PropertyKey[] | undefined {
  if (!(err instanceof ApiError) || err.status !== 409) return undefined;
  if (err.code !== 'name_taken' && err.code !== 'asset_tag_taken') return undefined;
  const issue = err.issues?.[0] as { path?: PropertyKey[] } | undefined;
  return issue?.path ?? [];
}
