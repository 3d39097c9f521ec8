// The review state of a record after a device changes it (issue 11, finding 7; issue 10): one
// rule for the server, which stores it, and the phone, which shows it before the next pull.
// No zod here: the phone's first screen imports it.
import type { ReviewState } from './records';

/** Fields a device rewrites on every save without changing what the record says. */
const UNREVIEWED_FIELDS: ReadonlySet<string> = new Set(['updatedAt', 'createdAt']);

/** Whether `after` says something `before` did not (any field but the device clocks). */
export function changesWhatItSays(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].some(
    (k) =>
      !UNREVIEWED_FIELDS.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}

/**
 * A record a coordinator marked `reviewed` or `has_issues` whose content a device then changes
 * is `new` again: it does not read as reviewed with content nobody reviewed, and a volunteer's
 * correction comes back to the coordinator's inbox. A save that changes nothing keeps the state.
 */
export function reviewStateAfterEdit(
  state: ReviewState,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ReviewState {
  if (state === 'new') return state;
  return changesWhatItSays(before, after) ? 'new' : state;
}
