// A fiche's Markdown as elements: the parsed tree (src/shared/markdown.ts) becomes Preact
// elements one by one, so no text is ever read as HTML. Images come from `imageUrl` (a blob:
// URL of the copy kept on the phone, or of the one just fetched in the workspace); one that is
// not there yet shows its words instead.
import type { ComponentChildren } from 'preact';
import { parseMarkdown, type Block, type Inline } from '../../shared/markdown';

export interface MarkdownProps {
  source: string;
  /** The URL to show an image of the fiche from, or undefined when it is not available. */
  imageUrl: (id: string) => string | undefined;
  /** Words for an image not available: receives its description. */
  missingImage: (alt: string) => string;
  /** The level of the fiche's own headings (`#`): 2 under the fiche's title in an h1. */
  headingBase?: 2 | 3;
}

function inline(nodes: Inline[], p: MarkdownProps): ComponentChildren[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'strong':
        return <strong key={i}>{inline(n.c, p)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.c, p)}</em>;
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'link':
        return (
          <a key={i} href={n.href} rel="noopener noreferrer" target="_blank">
            {inline(n.c, p)}
          </a>
        );
      case 'image': {
        const src = p.imageUrl(n.id);
        return src ? (
          <img key={i} class="fiche-image" src={src} alt={n.alt} />
        ) : (
          <span key={i} class="fiche-image-missing">
            {p.missingImage(n.alt)}
          </span>
        );
      }
    }
  });
}

function block(b: Block, i: number, p: MarkdownProps) {
  const base = p.headingBase ?? 2;
  switch (b.t) {
    case 'heading': {
      const level = Math.min(6, base + b.level - 1);
      const H = `h${level}` as 'h2';
      return <H key={i}>{inline(b.c, p)}</H>;
    }
    case 'paragraph':
      return <p key={i}>{inline(b.c, p)}</p>;
    case 'steps':
      return (
        <ol key={i} class="fiche-steps" start={b.start}>
          {b.items.map((item, k) => (
            <li key={k}>{inline(item, p)}</li>
          ))}
        </ol>
      );
    case 'bullets':
      return (
        <ul key={i}>
          {b.items.map((item, k) => (
            <li key={k}>{inline(item, p)}</li>
          ))}
        </ul>
      );
    case 'tip':
      return (
        <p key={i} class="fiche-tip">
          {inline(b.c, p)}
        </p>
      );
  }
}

/** The fiche body as elements. */
export function Markdown(props: MarkdownProps) {
  return <div class="fiche-body">{parseMarkdown(props.source).map((b, i) => block(b, i, props))}</div>;
}
