// The fiches a screen shows: the organisation's own fiche records, and the starter fiches that no
// record replaces (a record with `starter: <key>` takes that starter's place, as an edited copy,
// or hides it with `active: false`). Texts are picked in the reader's language, else in the
// first language the fiche has.
import type { FicheInput } from '../records';
import type { StarterFiche } from './starter';

export type FicheLang = 'nl' | 'fr' | 'en';
const LANGS: FicheLang[] = ['nl', 'fr', 'en'];

export interface ShownFiche {
  /** The route key: the record's id, or `builtin-<starter>` for an untouched starter fiche. */
  key: string;
  /** The record's id (none for a starter fiche no record replaces). */
  id?: string;
  starter?: string | null;
  topics: string[];
  texts: FicheInput['texts'];
  images: NonNullable<FicheInput['images']>;
  active: boolean;
  /** Whether the words are Digitafel's (a starter fiche no record replaces). */
  builtIn: boolean;
}

type FicheRow = Partial<FicheInput> & { id: string; deleted?: boolean };

/** The key of a starter fiche on routes. */
export const builtinKey = (starter: string) => `builtin-${starter}`;

/** Every fiche, hidden ones included, own ones first then the starters, each by title. */
export function mergeFiches(records: FicheRow[], starters: StarterFiche[], lang: FicheLang): ShownFiche[] {
  const live = records.filter((r) => !r.deleted && r.texts);
  const replaced = new Set(live.map((r) => r.starter).filter(Boolean));
  const own: ShownFiche[] = live.map((r) => ({
    key: r.id,
    id: r.id,
    starter: r.starter ?? null,
    topics: r.topics ?? [],
    texts: r.texts!,
    images: r.images ?? [],
    active: r.active !== false,
    builtIn: false,
  }));
  const builtIn: ShownFiche[] = starters
    .filter((s) => !replaced.has(s.starter))
    .map((s) => ({
      key: builtinKey(s.starter),
      starter: s.starter,
      topics: s.topics,
      texts: s.texts,
      images: [],
      active: true,
      builtIn: true,
    }));
  const byTitle = (a: ShownFiche, b: ShownFiche) =>
    ficheText(a, lang).title.localeCompare(ficheText(b, lang).title, lang);
  return [...own.sort(byTitle), ...builtIn.sort(byTitle)];
}

/** The fiche's title and body in `lang`, else in the first language it has; `lang` says which. */
export function ficheText(
  fiche: Pick<ShownFiche, 'texts'>,
  lang: FicheLang,
): { title: string; body: string; lang: FicheLang } {
  for (const l of [lang, ...LANGS]) {
    const text = fiche.texts[l];
    if (text?.title) return { ...text, lang: l };
  }
  return { title: '', body: '', lang };
}

/** The active fiches linked to any of `topics`. */
export function fichesForTopics(fiches: ShownFiche[], topics: readonly string[]): ShownFiche[] {
  return fiches.filter((f) => f.active && f.topics.some((k) => topics.includes(k)));
}
