// "A new version is ready" with a Reload button, from the service worker bridge. Held back while
// any form is dirty so an update never interrupts a volunteer mid-entry.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { applyUpdate, onUpdateReady } from '../pwa/bridge';
import { useAnyDirty } from './dirty';

/** The update prompt; renders nothing until an update waits and no form is dirty. */
export function ReloadPrompt() {
  const [ready, setReady] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const dirty = useAnyDirty();
  useEffect(() => onUpdateReady(() => setReady(true)), []);
  if (!ready || dirty || dismissed) return null;
  return (
    <div class="reload-prompt" role="status">
      <p>{t('update.ready')}</p>
      <button type="button" class="btn btn-primary" onClick={() => applyUpdate()}>
        {t('update.reload')}
      </button>
      <button type="button" class="btn btn-secondary" onClick={() => setDismissed(true)}>
        {t('update.later')}
      </button>
    </div>
  );
}
