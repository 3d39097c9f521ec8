// The escape hatch: save every unsynced record to a file (to carry to another device when this
// one cannot sync), and import such a file here.
import { useState } from 'preact/hooks';
import { brusselsDay, t, tn } from '../../shared/i18n';
import { exportUnsynced, importUnsynced } from '../../local';
import { errorMessage } from '../ui/errors';

/** Downloads `text` as a file named `name`. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export and import of unsynced records. */
export function Transfer() {
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const doExport = async () => {
    setFailure(undefined);
    const data = await exportUnsynced();
    download(`digitafel-unsynced-${brusselsDay()}.json`, JSON.stringify(data, null, 1));
    setMessage(tn('settings.exported', data.records.length));
  };

  const doImport = async (file: File | undefined) => {
    if (!file) return;
    setFailure(undefined);
    try {
      const res = await importUnsynced(await file.text());
      setMessage(t('settings.imported', { imported: res.imported, skipped: res.skipped }));
    } catch (err) {
      setFailure(
        err instanceof SyntaxError || (err as Error).name === 'ZodError'
          ? t('settings.badFile')
          : errorMessage(err),
      );
    }
  };

  return (
    <section aria-labelledby="transfer-h">
      <h2 id="transfer-h">{t('settings.transfer')}</h2>
      <p class="hint">{t('settings.transferHint')}</p>
      <button type="button" class="btn btn-secondary" onClick={() => void doExport()}>
        {t('settings.export')}
      </button>
      <input
        id="import-file"
        class="visually-hidden"
        type="file"
        accept="application/json,.json"
        onChange={(e) => void doImport(e.currentTarget.files?.[0])}
      />
      <label class="btn btn-secondary file-label" for="import-file">
        {t('settings.import')}
      </label>
      {message && (
        <p class="notice notice-ok" role="status">
          {message}
        </p>
      )}
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
