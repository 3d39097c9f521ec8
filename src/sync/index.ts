// The sync module's entry points for the app and the service worker: `syncNow()` on the
// default database with the stored session, and the session itself (sign in / out).
import { getDb } from '../local/meta';
import { createApiClient, type ApiClient } from './api-client';
import { createSyncEngine, type SyncEngine, type SyncReport } from './engine';
import { forgetSession, readSession, storeSession, type StoredSession } from './session';

export * from './api-client';
export { createSyncEngine, type SyncEngine, type SyncReport, type SyncFailure } from './engine';
export { startSyncTriggers, notifySaved, registerBackgroundSync, BACKGROUND_SYNC_TAG } from './triggers';
export type { SyncTriggers, SyncTriggerOptions } from './triggers';
export { backoffDelay, probeDelay, BACKOFF_CAP_MS } from './backoff';
export { getRetryStatus, onRetryStatus, type RetryStatus } from './status';
export type { StoredSession } from './session';

const engines = new WeakMap<object, SyncEngine>();

/** An API client for a session (the stored one's token and server). */
export function apiForSession(session: Pick<StoredSession, 'token' | 'serverUrl'> | undefined): ApiClient {
  return createApiClient({ baseUrl: session?.serverUrl ?? '', getToken: () => session?.token });
}

/** The sync engine of the active database (one per database, so concurrent calls coalesce). */
export function defaultEngine(): SyncEngine {
  const db = getDb();
  let engine = engines.get(db);
  if (!engine) {
    engine = createSyncEngine({ db, api: (s) => apiForSession(s) });
    engines.set(db, engine);
  }
  return engine;
}

/** Syncs the active database now (used by the service worker and the app). */
export function syncNow(): Promise<SyncReport> {
  return defaultEngine().sync();
}

/** The stored session, if signed in. */
export function getSession(): Promise<StoredSession | undefined> {
  return readSession(getDb());
}

/** Stores the session after login/enrol (a new device renumbers the pending outbox from 1). */
export function setSession(session: StoredSession): Promise<void> {
  return storeSession(getDb(), session);
}

/** Signs out locally; unsynced records stay, and with none the phone forgets its data too. */
export async function clearSession(): Promise<void> {
  await forgetSession(getDb());
}

/** Failures the browser's Background Sync should retry later (not the ones needing the user). */
const RETRYABLE = new Set(['network', 'rate_limited', 'server_error', 'client_error', 'mutation_gap']);

/** For the service worker's `sync` event: like syncNow, but rejects when a later retry may help. */
export async function syncOrThrow(): Promise<SyncReport> {
  const report = await syncNow();
  const code = report.error?.code;
  if (code && (RETRYABLE.has(code) || (report.error?.status ?? 0) >= 500))
    throw new Error(`sync failed: ${code}`);
  return report;
}
