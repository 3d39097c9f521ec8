// One sync at a time: across tabs and the service worker with the Web Locks API where the
// browser has it, and inside this JavaScript context with a promise chain otherwise.

export const SYNC_LOCK_NAME = 'digitafel-sync';

let tail: Promise<unknown> = Promise.resolve();

/** Runs `fn` holding the sync lock (exclusive). */
export function withSyncLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request(SYNC_LOCK_NAME, () => fn()) as Promise<T>;
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
