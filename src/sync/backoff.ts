// Retry delays after a failed sync: exponential with full jitter (a random delay between 0 and
// base * 2^attempt), capped at 5 minutes, so many phones coming back online don't stampede.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** The delay before retry number `attempt` (0-based), in ms. */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
