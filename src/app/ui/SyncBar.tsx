// The always-visible sync state of Home: what is saved on this phone, what waits to be sent,
// what needs attention, the last successful sync, and a "Sync now" button. Ships in the first load:
// the sync engine behind "Sync now" is imported when the button is pressed (it is loaded by then).
import { useState } from 'preact/hooks';
import { errorText, formatClock, formatDateTime, formatTime, brusselsDay, t } from '../../shared/i18n';
import { syncSummary, type SyncSummary } from '../../local/reference';
import { applyUpdate, onUpdateReady } from '../pwa/bridge';
import { errorMessage } from './errors';
import { RetryLine, useRetryStatus } from './RetryLine';
import { useLang } from './useLang';
import { useLive } from './useLive';

const SESSION_ERRORS = new Set(['unauthorized', 'wrong_device', 'device_revoked']);
const UPDATE_ERRORS = new Set(['unsupported_schema_version', 'update_required']);

/** The error worth showing: the last one, unless a sync succeeded after it. */
function currentError(s: SyncSummary): string | undefined {
  if (!s.lastError) return undefined;
  if (s.lastSyncAt && s.lastSyncAt >= s.lastError.at) return undefined;
  return s.lastError.code;
}

/** Takes the waiting version if there is one, else reloads (the server asked for a newer app). */
function reloadApp(): void {
  let waiting = false;
  onUpdateReady(() => (waiting = true))();
  if (waiting) applyUpdate();
  else window.location.reload();
}

/** The sync state bar with its "Sync now" button. */
export function SyncBar() {
  const lang = useLang();
  const summary = useLive(syncSummary);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  /** What the last press of "Sync now" did, with the time to the second: visible feedback even
   * when the state did not change (the server still unreachable). */
  const [pressed, setPressed] = useState<string>();
  const retry = useRetryStatus();

  const run = async () => {
    setBusy(true);
    setFailure(undefined);
    setPressed(undefined);
    try {
      const { appSyncNow } = await import('../sync-start');
      const report = await appSyncNow();
      const time = formatClock(lang, new Date());
      setPressed(report.ok ? t('sync.sentAt', { time }) : t('sync.triedAt', { time }));
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const s = summary;
  const code = s && currentError(s);
  const last = s?.lastSyncAt;
  const lastText = last
    ? t('sync.lastSync', {
        time: brusselsDay(last) === brusselsDay() ? formatTime(lang, last) : formatDateTime(lang, last),
      })
    : t('sync.neverSynced');
  return (
    <section class="syncbar" aria-label={t('sync.region')} aria-live="polite">
      {s && (
        <ul class="sync-states">
          {s.pending > 0 ? (
            <>
              <li class="state state-saved">{t('sync.savedOnPhone')}</li>
              <li class="state state-pending">{t('sync.waiting', { n: s.pending })}</li>
            </>
          ) : (
            <li class="state state-ok">{t('sync.allSent')}</li>
          )}
          {s.needsAttention > 0 && (
            <li class="state state-attention">
              <a href="#/recent">{t('sync.needsAttention', { n: s.needsAttention })}</a>
            </li>
          )}
          {s.conflicts > 0 && (
            <li class="state state-attention">
              <a href="#/recent">{t('sync.conflicts', { n: s.conflicts })}</a>
            </li>
          )}
        </ul>
      )}
      <p class="sync-last">{lastText}</p>
      {code && (
        <p class="sync-error" role="alert">
          {SESSION_ERRORS.has(code) ? (
            <a href="#/signin">{t('sync.signedOut')}</a>
          ) : UPDATE_ERRORS.has(code) ? (
            <>
              {t('sync.updateRequired')}{' '}
              <button type="button" class="btn btn-secondary" onClick={reloadApp}>
                {t('sync.reloadApp')}
              </button>
            </>
          ) : (
            errorText(code)
          )}
        </p>
      )}
      {code && !SESSION_ERRORS.has(code) && !UPDATE_ERRORS.has(code) && (
        <RetryLine status={retry} lang={lang} />
      )}
      {pressed && <p class="sync-pressed">{pressed}</p>}
      {failure && (
        <p class="sync-error" role="alert">
          {failure}
        </p>
      )}
      <button type="button" class="btn btn-secondary" onClick={run} disabled={busy} aria-busy={busy}>
        {busy ? t('sync.syncing') : t('sync.now')}
      </button>
    </section>
  );
}
