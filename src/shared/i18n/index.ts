// The UI's words in Dutch, French and English: `t(key, params)`, the current language (a tiny
// signal the app subscribes to) and labels for enum values. Catalogues load lazily (one small
// chunk per language), so only the language in use is downloaded; this module ships in the
// first load.
import type { EnumPrefix } from './enums';
import type { Messages, MessageKey } from './en';
import { formatNumber, type Lang } from './format';

export type { Lang } from './format';
export type { EnumPrefix } from './enums';
export type { MessageKey, Messages } from './en';
export * from './format';

export const LANGS: readonly Lang[] = ['nl', 'fr', 'en'];
export type Params = Record<string, string | number>;

const loaders: Record<Lang, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
  nl: () => import('./nl').then((m) => m.nl),
  fr: () => import('./fr').then((m) => m.fr),
};

let current: Lang = 'en';
let messages: Messages | undefined;
const listeners = new Set<(lang: Lang) => void>();

/** The language the UI speaks now. */
export function getLanguage(): Lang {
  return current;
}

/** Loads the catalogue of `lang` and makes it current; listeners re-render. */
export async function setLanguage(lang: Lang): Promise<void> {
  const loaded = await loaders[lang]();
  current = lang;
  messages = loaded;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const cb of listeners) cb(lang);
}

/** Calls `cb` after every language change; returns an unsubscribe. */
export function onLanguageChange(cb: (lang: Lang) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** The supported language closest to the browser's (navigator.language), English otherwise. */
export function preferredLanguage(
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().slice(0, 2);
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

/** Whether `s` is a supported language code. */
export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && (LANGS as readonly string[]).includes(s);
}

/** The message `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Params): string {
  const text = messages?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A message with count forms: `<base>_one`, `<base>_other` (and `_many`... where a language has them). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? Base : never;
}[MessageKey];

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * Intl.PluralRules' category of `n` in `lang`. Whole counts from 0 to 999,999, what the phone
 * shows, are answered without Intl (the rule is "one" for 1 in Dutch and English, for 0 and 1
 * in French, "other" otherwise), so that Home needs no ICU data at start (format.ts says why);
 * tests/unit/format-fast.test.ts checks that this is Intl's answer for every such count.
 */
export function pluralForm(lang: Lang, n: number): Intl.LDMLPluralRule {
  if (Number.isInteger(n) && n >= 0 && n < 1_000_000) {
    return n === 1 || (lang === 'fr' && n === 0) ? 'one' : 'other';
  }
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
}

/**
 * The count message `key` for `n` in the current language: the form Intl.PluralRules picks
 * (`_one` for 1 in Dutch and English, for 0 and 1 in French), else `_other`, with `{n}`
 * formatted in the language's number format.
 */
export function tn(key: PluralKey, n: number, params?: Params): string {
  const form = `${key}_${pluralForm(current, n)}`;
  const chosen = (hasMessage(form) ? form : `${key}_other`) as MessageKey;
  return t(chosen, { ...params, n: formatNumber(current, n) });
}

/** Whether the current catalogue has `key` (for codes that come from elsewhere). */
export function hasMessage(key: string): key is MessageKey {
  return !!messages && key in messages;
}

/** The label of an enum value, e.g. label('outcome', 'solved') -> "Solved". */
export function label(prefix: EnumPrefix, value: string): string {
  const key = `${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

/** An organisation's own names for one of its topics, per language (records.ts `topicInput`). */
export type TopicNames = Partial<Record<Lang, string>>;

/**
 * The name of a topic: the built-in catalogue's in the current language, else the
 * organisation's own name (in this language, else another one), else its key.
 */
export function topicLabel(key: string, own?: ReadonlyMap<string, TopicNames | undefined>): string {
  const builtin = `topic.${key}`;
  if (hasMessage(builtin)) return t(builtin);
  const names = own?.get(key);
  return names?.[current] || names?.en || names?.nl || names?.fr || key;
}

/** The text for an error code (`error.<code>`), or the generic error text. */
export function errorText(code: string | undefined, params?: Params): string {
  const key = `error.${code ?? 'unknown'}`;
  return hasMessage(key) ? t(key, params) : t('error.unknown');
}
