// What the automatic sync is waiting for, for the sync bar: when the next attempt is due and
// why the last one failed. Kept in memory by the page's triggers (triggers.ts); this module has
// no imports, so the first screen can show it without loading the sync engine.

export interface RetryStatus {
  /** When the next attempt (or reachability probe) is due, in ms since the epoch. */
  at: number;
  /** The failure code of the last attempt (`network`, `internal_error`, `rate_limited`...). */
  reason: string;
}

let current: RetryStatus | null = null;
const listeners = new Set<(s: RetryStatus | null) => void>();

/** The pending retry, or null when nothing is scheduled. */
export function getRetryStatus(): RetryStatus | null {
  return current;
}

/** Sets (or clears, with null) the pending retry and tells the listeners. */
export function setRetryStatus(status: RetryStatus | null): void {
  current = status;
  for (const cb of listeners) cb(status);
}

/** Calls `cb` on every change; returns an unsubscribe. */
export function onRetryStatus(cb: (s: RetryStatus | null) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
