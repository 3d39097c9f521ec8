// Home's warning while records wait to be sent and the browser's storage is not persistent: the
// browser may then clear them under storage pressure, and until they are sent they exist
// nowhere else. "Keep my data" asks again (the browser may grant later what it refused).
import { useEffect, useState } from 'preact/hooks';
import { syncSummary } from '../../local/reference';
import { requestPersistence } from '../../local/storage';
import { t } from '../../shared/i18n';
import { useLive } from '../ui/useLive';

/** Whether storage is persistent: undefined while unknown or where the browser cannot say. */
async function isPersisted(): Promise<boolean | undefined> {
  try {
    return await globalThis.navigator?.storage?.persisted?.();
  } catch {
    return undefined;
  }
}

/** The warning, shown only while records wait and storage is known not to be persistent. */
export function StorageWarning() {
  const summary = useLive(syncSummary);
  const [persisted, setPersisted] = useState<boolean>();
  const [refused, setRefused] = useState(false);
  const waiting = (summary?.pending ?? 0) > 0;
  useEffect(() => {
    if (waiting) void isPersisted().then(setPersisted);
  }, [waiting]);
  if (!waiting || persisted !== false) return null;
  const ask = async () => {
    const granted = await requestPersistence({ again: true });
    setPersisted(granted === true ? true : await isPersisted());
    setRefused(granted !== true);
  };
  return (
    <div class="notice notice-warn storage-warning" role="note">
      <p>{t('home.notPersistent')}</p>
      <button type="button" class="btn btn-secondary" onClick={() => void ask()}>
        {t('settings.askPersist')}
      </button>
      {refused && <p>{t('home.persistRefused')}</p>}
    </div>
  );
}
