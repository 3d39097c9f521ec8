// The client sync engine: push the outbox, then pull the server's changes, then purge old
// synced records, holding the sync lock so that one sync runs at a time across tabs and the
// service worker. A failure is reported (and stored in meta `lastError`), never thrown: the
// callers (triggers, the worker, a "Sync now" button) only decide when to try again.
import type { DigitafelDb, MetaValues } from '../local/db';
import { deleteMeta, getMeta, setMeta } from '../local/meta';
import { ApiError, NetworkError, type ApiClient } from './api-client';
import { withSyncLock } from './lock';
import type { StoredSession } from './session';
import { keepFicheImages } from './fiche-images';
import { pullChanges, purgeOldRecords } from './pull';
import { pushOutbox, SyncProtocolError, type PushStats } from './push';
import { resendAfterRewind, ServerRewoundError } from './rewind';

export interface SyncFailure {
  /** unauthorized | update_required | network | rate_limited | no_session | a server code. */
  code: string;
  message: string;
  status?: number;
}

export interface SyncReport {
  ok: boolean;
  push: PushStats;
  /** Local rows changed by the pull. */
  pulled: number;
  purged: number;
  error?: SyncFailure;
}

export interface SyncEngineOptions {
  db: DigitafelDb;
  /** A client, or a factory given the stored session (token, serverUrl) at each sync. */
  api: ApiClient | ((session: StoredSession) => ApiClient);
  now?: () => Date;
  /** Size bound of one push batch (default MAX_BATCH_BYTES, ~900 KB). */
  maxBatchBytes?: number;
}

export interface SyncEngine {
  /** Runs one sync (or joins the one about to start); never rejects. */
  sync(): Promise<SyncReport>;
}

/** The failure to report (and store) for an error thrown during a sync. */
export function describeFailure(err: unknown): SyncFailure {
  if (err instanceof NetworkError) return { code: 'network', message: 'the server could not be reached' };
  if (err instanceof SyncProtocolError) return { code: err.code, message: err.message };
  if (err instanceof ApiError) {
    const code =
      err.status === 401
        ? 'unauthorized'
        : err.status === 426
          ? 'update_required'
          : err.status === 429
            ? 'rate_limited'
            : err.code;
    return { code, message: err.message, status: err.status };
  }
  return { code: 'client_error', message: err instanceof Error ? err.message : String(err) };
}

const emptyStats = (): PushStats => ({ sent: 0, applied: 0, skipped: 0, rejected: 0, conflicts: 0 });

/** Builds the sync engine of one database and API client. */
export function createSyncEngine({
  db,
  api,
  now = () => new Date(),
  maxBatchBytes,
}: SyncEngineOptions): SyncEngine {
  let queued: Promise<SyncReport> | undefined;

  async function runLocked(): Promise<SyncReport> {
    const push = emptyStats();
    const report: SyncReport = { ok: false, push, pulled: 0, purged: 0 };
    try {
      const session = await getMeta(db, 'session');
      if (!session) {
        report.error = { code: 'no_session', message: 'not signed in' };
        return report;
      }
      const client = typeof api === 'function' ? api(session) : api;
      await pushOutbox(db, client, session.deviceId, push, maxBatchBytes);
      try {
        report.pulled = await pullChanges(db, client, (await getMeta(db, 'pullCursor')) ?? '');
      } catch (err) {
        if (!(err instanceof ServerRewoundError)) throw err;
        // The server lost acknowledged pushes: queue again what it lost, send, pull from the start.
        await resendAfterRewind(db, err.lastMutationId);
        await pushOutbox(db, client, session.deviceId, push, maxBatchBytes);
        report.pulled = await pullChanges(db, client, '');
      }
      report.purged = await purgeOldRecords(db, now());
      await keepFicheImages(db, client).catch(() => undefined);
      await setMeta(db, 'lastSyncAt', now().toISOString());
      await deleteMeta(db, 'lastError');
      report.ok = true;
    } catch (err) {
      report.error = describeFailure(err);
      const lastError: MetaValues['lastError'] = { ...report.error, at: now().toISOString() };
      await setMeta(db, 'lastError', lastError).catch(() => undefined);
    }
    return report;
  }

  return {
    sync() {
      // At most one waiting run: every caller that arrives during a sync shares the next one,
      // which starts after it and so also sends what was saved meanwhile.
      queued ??= withSyncLock(async () => {
        queued = undefined;
        return runLocked();
      }).catch((err: unknown): SyncReport => {
        queued = undefined; // the lock itself failed: the callback never ran
        return { ok: false, push: emptyStats(), pulled: 0, purged: 0, error: describeFailure(err) };
      });
      return queued;
    },
  };
}
