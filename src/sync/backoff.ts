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

export const PROBE_BASE_MS = 1_000;
export const PROBE_CAP_MS = 15_000;

/**
 * The delay before reachability probe number `attempt` while records wait: short (1 s, 2 s,
 * 4 s... at most 15 s) because a probe is one HEAD request, so a phone at a stand sends within
 * seconds of the server coming back on the same network. Half fixed, half jitter.
 */
export function probeDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(PROBE_CAP_MS, PROBE_BASE_MS * 2 ** Math.min(attempt, 30));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
