// The small Markdown subset fiches are written in, parsed into a tree of plain values that the
// app turns into elements (src/app/fiches/Markdown.tsx) without ever setting HTML: whatever a
// coordinator types, `<script>` included, can only ever be text.
//
// Blocks: `#`/`##`/`###` headings, paragraphs (blank line between), `1.` numbered steps, `-` or
// `*` bullets, `>` a tip. Inline: `**strong**`, `*em*` or `_em_`, `` `code` ``, links
// `[words](https://...)` (http, https, mailto and tel only; anything else stays text) and
// images `![words](image:<id>)` of the fiche's own uploaded images (no outside images).
// A backslash keeps the next character as it is (`\*`).

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'image'; id: string; alt: string };

export type Block =
  | { t: 'heading'; level: 1 | 2 | 3; c: Inline[] }
  | { t: 'paragraph'; c: Inline[] }
  | { t: 'steps'; start: number; items: Inline[][] }
  | { t: 'bullets'; items: Inline[][] }
  | { t: 'tip'; c: Inline[] };

const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+0-9 ().-]+)$/i;
const IMAGE_REF = /^image:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The image ids a body refers to, in order of appearance (each once). */
export function imageIds(markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/!\[[^\]]*\]\(image:([0-9a-f-]{36})\)/gi)) out.add(m[1]!.toLowerCase());
  return [...out];
}

/** Finds the `]` closing a `[` at `open`, with nested brackets and escapes; -1 if none. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Finds the `)` closing a `(` at `open`, parentheses inside balanced; -1 if none. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function pushText(out: Inline[], v: string): void {
  const last = out.at(-1);
  if (last?.t === 'text') last.v += v;
  else out.push({ t: 'text', v });
}

/** Parses one block's text into inline nodes. */
export function parseInline(s: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && /[\\`*_[\]()!#>.-]/.test(s[i + 1]!)) {
      pushText(out, s[i + 1]!);
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1) {
        out.push({ t: 'code', v: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const image = ch === '!' && s[i + 1] === '[';
    if ((ch === '[' || image) && depth < 4) {
      const open = image ? i + 1 : i;
      const close = closingBracket(s, open);
      if (close > 0 && s[close + 1] === '(') {
        const end = closingParen(s, close + 1);
        if (end > 0) {
          const label = s.slice(open + 1, close);
          const target = s.slice(close + 2, end).trim();
          if (image) {
            const m = IMAGE_REF.exec(target);
            if (m) out.push({ t: 'image', id: m[1]!.toLowerCase(), alt: label.replace(/\\(.)/g, '$1') });
            else pushText(out, label.replace(/\\(.)/g, '$1'));
          } else if (SAFE_LINK.test(target)) {
            out.push({ t: 'link', href: target, c: parseInline(label, depth + 1) });
          } else {
            out.push(...parseInline(label, depth + 1));
          }
          i = end + 1;
          continue;
        }
      }
    }
    if ((ch === '*' || ch === '_') && depth < 4) {
      const strong = s[i + 1] === ch;
      const mark = strong ? ch + ch : ch;
      const from = i + mark.length;
      const end = s.indexOf(mark, from);
      if (end > from && s[from] !== ' ') {
        const inner = parseInline(s.slice(from, end), depth + 1);
        out.push(strong ? { t: 'strong', c: inner } : { t: 'em', c: inner });
        i = end + mark.length;
        continue;
      }
    }
    pushText(out, ch);
    i++;
  }
  return out;
}

/** Parses a fiche body into blocks. */
export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { t: 'steps' | 'bullets'; start: number; items: string[] } | null = null;
  const flushPara = () => {
    if (para.length) blocks.push({ t: 'paragraph', c: parseInline(para.join(' ')) });
    para = [];
  };
  const flushList = () => {
    if (list) {
      const items = list.items.map((x) => parseInline(x));
      blocks.push(list.t === 'steps' ? { t: 'steps', start: list.start, items } : { t: 'bullets', items });
    }
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flushPara();
      flushList();
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const step = /^\s{0,3}(\d{1,3})[.)]\s+(.*)$/.exec(line);
    const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
    const tip = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (heading) {
      flushPara();
      flushList();
      blocks.push({ t: 'heading', level: heading[1]!.length as 1 | 2 | 3, c: parseInline(heading[2]!) });
    } else if (step) {
      flushPara();
      if (list?.t !== 'steps') {
        flushList();
        list = { t: 'steps', start: Number(step[1]), items: [] };
      }
      list.items.push(step[2]!);
    } else if (bullet) {
      flushPara();
      if (list?.t !== 'bullets') {
        flushList();
        list = { t: 'bullets', start: 1, items: [] };
      }
      list.items.push(bullet[1]!);
    } else if (tip) {
      flushPara();
      flushList();
      const last = blocks.at(-1);
      if (last?.t === 'tip') last.c.push({ t: 'text', v: ' ' }, ...parseInline(tip[1]!));
      else blocks.push({ t: 'tip', c: parseInline(tip[1]!) });
    } else if (list && /^\s{2,}\S/.test(raw)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushPara();
  flushList();
  return blocks;
}
