// Starts the sync triggers of the running app (start, after saves, online, visible, timer) and
// offers "Sync now" through them, so a manual sync also resets the backoff.
import { getDb, setMeta } from '../local/meta';
import {
  apiForSession,
  defaultEngine,
  getSession,
  startSyncTriggers,
  syncNow,
  type SyncReport,
  type SyncTriggers,
} from '../sync';

let triggers: SyncTriggers | undefined;

/**
 * Remembers the signed-in user's organisation (GET /me: name and privacy contact) for Home,
 * Settings and the information texts, at every start: shown offline too. Fails quietly offline; the next start or sync retries.
 */
export async function rememberOrg(): Promise<void> {
  const db = getDb();
  const session = await getSession();
  if (!session) return;
  // Fetched at every start (not only once per organisation): a coordinator may have set the
  // privacy contact the information texts name since.
  const me = await apiForSession(session).me();
  if (me.org.id === session.user.orgId) await setMeta(db, 'org', me.org);
}

/** Starts the triggers once (main.tsx, after the first paint). */
export function startAppSync(): void {
  void rememberOrg().catch(() => undefined);
  triggers ??= startSyncTriggers(defaultEngine(), {
    // While records wait, an unreachable server is probed on a short backoff (triggers.ts).
    hasWaiting: async () => (await getDb().outbox.count()) > 0,
    probe: async () => apiForSession(await getSession()).probe(),
  });
}

/** Stops the triggers (tests; a later startAppSync starts them again). */
export function stopAppSync(): void {
  triggers?.stop();
  triggers = undefined;
}

/** Syncs now (the "Sync now" button, and right after signing in). */
export async function appSyncNow(): Promise<SyncReport> {
  const report = await (triggers ? triggers.syncNow() : syncNow());
  if (report.ok) void rememberOrg().catch(() => undefined);
  return report;
}
