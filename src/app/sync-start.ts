// Starts the sync triggers of the running app (start, after saves, online, visible, timer) and
// offers "Sync now" through them, so a manual sync also resets the backoff.
import { defaultEngine, startSyncTriggers, syncNow, type SyncReport, type SyncTriggers } from '../sync';

let triggers: SyncTriggers | undefined;

/** Starts the triggers once (main.tsx, after the first paint). */
export function startAppSync(): void {
  triggers ??= startSyncTriggers(defaultEngine());
}

/** Syncs now (the "Sync now" button, and right after signing in). */
export function appSyncNow(): Promise<SyncReport> {
  return triggers ? triggers.syncNow() : syncNow();
}
