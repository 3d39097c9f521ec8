// A topic's key (what help requests, reports and raw exports store) derived from its name, so a
// coordinator never types one: lower-case ASCII letters, digits and `_`, starting with a letter,
// 2 to 40 characters (records.ts `topicKey`), and unique within the organisation.

const MAX = 40;

/** The key-shaped form of a name: "Aanvraag €-kaart (OCMW)" -> "aanvraag_kaart_ocmw". */
export function slugKey(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .toLowerCase();
  const words = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  // A key starts with a letter: "112 app" becomes "topic_112_app", a name of symbols only "topic".
  const key = /^[a-z]/.test(words) ? words : words ? `topic_${words}` : 'topic';
  return key.length >= 2 ? key : `topic_${key}`;
}

/** A key for a topic named `name` that is not in `taken`: the slug, else the slug with _2, _3... */
export function deriveTopicKey(name: string, taken: ReadonlySet<string>): string {
  const base = slugKey(name);
  const cut = (s: string, room: number) => s.slice(0, MAX - room).replace(/_+$/, '');
  const first = cut(base, 0);
  if (!taken.has(first)) return first;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const key = `${cut(base, suffix.length)}${suffix}`;
    if (!taken.has(key)) return key;
  }
}
