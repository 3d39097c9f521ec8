// The workspace's fiches: the organisation's fiche records from the server merged with the
// starter fiches (src/shared/fiches/list.ts), their images fetched with the session's token and
// shown from blob: URLs, and the record a save sends.
import { useEffect, useState } from 'preact/hooks';
import { mergeFiches, type FicheLang, type ShownFiche } from '../../../shared/fiches/list';
import { STARTER_FICHES } from '../../../shared/fiches/starter';
import { getLanguage } from '../../../shared/i18n';
import type { FicheInput } from '../../../shared/records';
import { apiForSession, getSession } from '../../../sync';
import { allRecords } from '../reference/allRecords';
import { useLoad } from '../useLoad';

export type FicheRecord = FicheInput & { id: string; version?: number; deleted?: boolean };

/** The coordinator's language as a fiche language. */
export function wsLang(): FicheLang {
  const l = getLanguage();
  return l === 'nl' || l === 'fr' ? l : 'en';
}

/** Every fiche of the organisation and every starter fiche, hidden ones included. */
export function useAllFiches() {
  const load = useLoad(() => allRecords<FicheRecord>('fiches'), []);
  const fiches: ShownFiche[] | undefined = load.data && mergeFiches(load.data, STARTER_FICHES, wsLang());
  return { fiches, error: load.error, reload: load.reload };
}

/** blob: URLs of the images `ids`, fetched from the server; revoked when the view goes. */
export function useServerImageUrls(ids: string[]): Map<string, string> {
  const [urls, setUrls] = useState(new Map<string, string>());
  const key = ids.join(',');
  useEffect(() => {
    let alive = true;
    const made: string[] = [];
    void (async () => {
      const api = apiForSession(await getSession());
      const next = new Map<string, string>();
      for (const id of ids) {
        try {
          const url = URL.createObjectURL(await api.ficheImage(id));
          made.push(url);
          next.set(id, url);
        } catch {
          // Shown by its words instead.
        }
      }
      if (alive) setUrls(next);
    })();
    return () => {
      alive = false;
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [key]);
  return urls;
}

/** Reads a file as base64 (without the data: prefix). */
export function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
