// The fiches the phone shows: its fiche records (kept live) merged with the starter fiches,
// which load as a chunk of their own (precached, so offline too) the first time they are needed.
import { useEffect, useState } from 'preact/hooks';
import { listFicheRecords } from '../../local';
import { getLanguage } from '../../shared/i18n';
import { mergeFiches, type FicheLang, type ShownFiche } from '../../shared/fiches/list';
import type { StarterFiche } from '../../shared/fiches/starter';
import { useLive } from '../ui/useLive';

let starters: Promise<StarterFiche[]> | undefined;

/** The starter fiches (loaded once). */
export function loadStarters(): Promise<StarterFiche[]> {
  starters ??= import('../../shared/fiches/starter').then((m) => m.STARTER_FICHES);
  return starters;
}

/** The app's language as a fiche language. */
export function ficheLang(): FicheLang {
  const lang = getLanguage();
  return lang === 'nl' || lang === 'fr' ? lang : 'en';
}

/** Every fiche (hidden ones included: filter on `active`), undefined while loading. */
export function useFiches(): ShownFiche[] | undefined {
  const records = useLive(listFicheRecords);
  const [builtIn, setBuiltIn] = useState<StarterFiche[] | undefined>(undefined);
  useEffect(() => {
    void loadStarters().then(setBuiltIn);
  }, []);
  if (!records || !builtIn) return undefined;
  return mergeFiches(records, builtIn, ficheLang());
}
