// The chosen UI language, stored on the phone with idb-keyval; the browser's language decides
// until the user picks one in the settings. Ships in the first load. The choice is mirrored in
// localStorage so that the app can start in it without waiting for IndexedDB (startLanguage):
// the first screen's catalogue then loads in parallel with the app chunk.
import { get, set } from 'idb-keyval';
import { isLang, preferredLanguage, setLanguage, type Lang } from '../../shared/i18n';

const KEY = 'digitafel.lang';

/** The choice mirrored in localStorage, if any (none in private modes that refuse storage). */
function mirroredChoice(): Lang | undefined {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return isLang(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function mirrorChoice(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    // Storage refused: the app starts in the browser's language and corrects after the read.
  }
}

/**
 * The language to start in, synchronously: the mirrored choice, else the browser's. The app
 * confirms it with initialLanguage() after the first screen (a choice made before the mirror
 * existed is then applied, and mirrored for the next start).
 */
export function startLanguage(): Lang {
  return mirroredChoice() ?? preferredLanguage();
}

/** The stored language, else the closest to navigator.language. */
export async function initialLanguage(): Promise<Lang> {
  try {
    const stored: unknown = await get(KEY);
    if (isLang(stored)) {
      if (mirroredChoice() !== stored) mirrorChoice(stored);
      return stored;
    }
  } catch {
    // No IndexedDB (private mode on some browsers): fall back to the browser's language.
  }
  return mirroredChoice() ?? preferredLanguage();
}

/** Switches the UI language and remembers it. */
export async function chooseLanguage(lang: Lang): Promise<void> {
  await setLanguage(lang);
  mirrorChoice(lang);
  await set(KEY, lang).catch(() => undefined);
}
