// "Trying again in 8 seconds" / "at 10:42": when the automatic sync tries next, from the page's
// triggers (src/sync/status.ts, no engine import: this ships in the first load). Counts down
// each second while the attempt is less than a minute away.
import { useEffect, useState } from 'preact/hooks';
import { formatTime, t, tn, type Lang } from '../../shared/i18n';
import { getRetryStatus, onRetryStatus, type RetryStatus } from '../../sync/status';

/** The pending retry of the automatic sync, kept up to date. */
export function useRetryStatus(): RetryStatus | null {
  const [status, setStatus] = useState(getRetryStatus);
  useEffect(() => onRetryStatus(setStatus), []);
  return status;
}

/** When the next attempt is due, in words; nothing when none is scheduled. */
export function RetryLine({ status, lang }: { status: RetryStatus | null; lang: Lang }) {
  const [now, setNow] = useState(Date.now);
  const soon = !!status && status.at - now < 60_000;
  useEffect(() => {
    setNow(Date.now());
    if (!soon) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [status, soon]);
  if (!status) return null;
  const seconds = Math.max(1, Math.ceil((status.at - now) / 1_000));
  return (
    <p class="sync-retry">
      {soon
        ? tn('sync.retryIn', seconds)
        : t('sync.retryAt', { time: formatTime(lang, new Date(status.at)) })}
    </p>
  );
}
