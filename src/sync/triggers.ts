// When the app syncs: on start, shortly after each save (debounced), when the browser says it
// is online again, when the page becomes visible, every 60 s while open, and on "Sync now".
// A failed sync is retried: while records wait and the server was unreachable (no answer, or a
// 5xx), by probing it with one cheap HEAD request on a short backoff (1 s doubling to 15 s) and
// syncing as soon as it answers, so a phone at a stand sends within seconds of the server coming
// back on the same network (where no `online` event fires); otherwise after an exponential
// backoff with full jitter, capped at 5 min. The next attempt and its reason are published for
// the sync bar (status.ts). `navigator.onLine` is only a hint, the sync's own request decides.
// Background Sync is registered where the browser has it, so the service worker sends what is
// left after the page is closed.
import { onLocalWrite } from '../local/write';
import { backoffDelay, probeDelay } from './backoff';
import type { SyncEngine, SyncReport } from './engine';
import { setRetryStatus } from './status';

export const BACKGROUND_SYNC_TAG = 'digitafel-sync';
/** Failures that retrying cannot fix: they wait for the user (sign in again, update). */
const NEEDS_USER = new Set(['unauthorized', 'update_required', 'no_session', 'wrong_device']);

export interface SyncTriggerOptions {
  debounceMs?: number;
  intervalMs?: number;
  random?: () => number;
  /** Whether records wait to be sent (default: yes). */
  hasWaiting?: () => Promise<boolean>;
  /** A cheap reachability check (HEAD /api/v1/health): true when the server answered. */
  probe?: () => Promise<boolean>;
}

/** A failure whose end a probe can see: no answer at all, or the server failing (5xx). */
function unreachable(report: SyncReport): boolean {
  return report.error?.code === 'network' || (report.error?.status ?? 0) >= 500;
}

export interface SyncTriggers {
  /** Syncs now, ignoring any backoff (the "Sync now" button). */
  syncNow(): Promise<SyncReport>;
  /** Schedules a sync shortly after a save. */
  notifySaved(): void;
  stop(): void;
}

const active = new Set<SyncTriggers>();

/** Tells every running trigger set that a record was saved (local writes do this already). */
export function notifySaved(): void {
  for (const t of active) t.notifySaved();
}

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

/** Asks the service worker to sync when connectivity returns (Chromium only; no-op elsewhere). */
export function registerBackgroundSync(): void {
  const sw = globalThis.navigator?.serviceWorker;
  if (!sw) return;
  void sw.ready
    .then((reg) => (reg as SyncRegistration).sync?.register(BACKGROUND_SYNC_TAG))
    .catch(() => undefined);
}

/** Starts the app's sync triggers; returns syncNow/notifySaved/stop. */
export function startSyncTriggers(
  engine: Pick<SyncEngine, 'sync'>,
  opts: SyncTriggerOptions = {},
): SyncTriggers {
  const { debounceMs = 2_000, intervalMs = 60_000, random = Math.random, probe } = opts;
  const hasWaiting = opts.hasWaiting ?? (async () => true);
  let failures = 0;
  let probes = 0;
  let waitingForUser = false;
  let stopped = false;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Runs `fn` after `delay` (the only pending retry) and tells the sync bar when and why. */
  function retryAfter(delay: number, reason: string, fn: () => void): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      fn();
    }, delay);
    setRetryStatus({ at: Date.now() + delay, reason });
  }

  /** Probes the server on the short backoff until it answers, then syncs. */
  function probeSoon(reason: string): void {
    retryAfter(probeDelay(probes++, random), reason, () => {
      void probe!()
        .catch(() => false)
        .then((answered) => {
          if (stopped || retryTimer !== undefined) return; // stopped, or a sync rescheduled meanwhile
          if (answered) void run(true);
          else probeSoon(reason);
        });
    });
  }

  async function run(force: boolean): Promise<SyncReport | undefined> {
    if (stopped) return undefined;
    if (!force && (retryTimer !== undefined || waitingForUser)) return undefined; // backing off
    clearTimeout(retryTimer);
    retryTimer = undefined;
    const report = await engine.sync();
    if (stopped) return report;
    if (report.ok) {
      failures = 0;
      probes = 0;
      waitingForUser = false;
      setRetryStatus(null);
    } else if (report.error && NEEDS_USER.has(report.error.code)) {
      waitingForUser = true;
      setRetryStatus(null);
    } else {
      const reason = report.error?.code ?? 'unknown';
      const probing = !!probe && unreachable(report) && (await hasWaiting().catch(() => true));
      if (stopped) return report;
      if (probing) probeSoon(reason);
      else retryAfter(backoffDelay(failures++, random), reason, () => void run(false));
      registerBackgroundSync();
    }
    return report;
  }

  const onOnline = () => void run(true);
  const onVisible = () => {
    if (globalThis.document?.visibilityState === 'visible') void run(true);
  };
  const interval = setInterval(() => void run(false), intervalMs);
  const unsubscribe = onLocalWrite(() => triggers.notifySaved());
  globalThis.addEventListener?.('online', onOnline);
  globalThis.document?.addEventListener('visibilitychange', onVisible);

  const triggers: SyncTriggers = {
    syncNow: async () => {
      waitingForUser = false;
      return (await run(true))!;
    },
    notifySaved() {
      if (stopped) return;
      registerBackgroundSync();
      clearTimeout(debounceTimer);
      debounceTimer = setTimeout(() => void run(false), debounceMs);
    },
    stop() {
      stopped = true;
      active.delete(triggers);
      clearInterval(interval);
      clearTimeout(debounceTimer);
      clearTimeout(retryTimer);
      setRetryStatus(null);
      unsubscribe();
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
    },
  };
  active.add(triggers);
  void run(true);
  return triggers;
}
