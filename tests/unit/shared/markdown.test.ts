// The Markdown subset of fiches: steps, bullets, tips, headings, emphasis, safe links and the
// fiche's own images; anything else (raw HTML, javascript: links, outside images) stays text.
import { describe, expect, it } from 'vitest';
import { imageIds, parseInline, parseMarkdown } from '../../../src/shared/markdown';

const IMG = '0193a0d4-7f1e-7c3a-9b1e-2f4d5a6b7c8d';

describe('fiche markdown', () => {
  it('reads numbered steps, bullets, a tip and headings', () => {
    const blocks = parseMarkdown(
      '# Before you start\n- a phone\n- your eID\n\n1. Open **itsme**.\n2. Tap *Start*\n   and wait.\n> Never say your code aloud.',
    );
    expect(blocks).toEqual([
      { t: 'heading', level: 1, c: [{ t: 'text', v: 'Before you start' }] },
      { t: 'bullets', items: [[{ t: 'text', v: 'a phone' }], [{ t: 'text', v: 'your eID' }]] },
      {
        t: 'steps',
        start: 1,
        items: [
          [
            { t: 'text', v: 'Open ' },
            { t: 'strong', c: [{ t: 'text', v: 'itsme' }] },
            { t: 'text', v: '.' },
          ],
          [
            { t: 'text', v: 'Tap ' },
            { t: 'em', c: [{ t: 'text', v: 'Start' }] },
            { t: 'text', v: ' and wait.' },
          ],
        ],
      },
      { t: 'tip', c: [{ t: 'text', v: 'Never say your code aloud.' }] },
    ]);
  });

  it('keeps raw HTML and script as text', () => {
    const src = '<script>alert(1)</script>\n\n1. <img src=x onerror=alert(2)>';
    expect(parseMarkdown(src)).toEqual([
      { t: 'paragraph', c: [{ t: 'text', v: '<script>alert(1)</script>' }] },
      { t: 'steps', start: 1, items: [[{ t: 'text', v: '<img src=x onerror=alert(2)>' }]] },
    ]);
  });

  it('makes links only of http, https, mailto and tel; other targets keep their words', () => {
    expect(parseInline('[site](https://mypension.be)')).toEqual([
      { t: 'link', href: 'https://mypension.be', c: [{ t: 'text', v: 'site' }] },
    ]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ t: 'text', v: 'click' }]);
    expect(parseInline('[x](data:text/html,<script>)')).toEqual([{ t: 'text', v: 'x' }]);
    expect(parseInline('[call](tel:078 170 170)')[0]).toMatchObject({ t: 'link', href: 'tel:078 170 170' });
  });

  it('shows only the fiche’s own images; an outside image keeps its words', () => {
    expect(parseInline(`![The paperclip](image:${IMG})`)).toEqual([
      { t: 'image', id: IMG, alt: 'The paperclip' },
    ]);
    expect(parseInline('![tracker](https://evil.example/x.png)')).toEqual([{ t: 'text', v: 'tracker' }]);
    expect(imageIds(`a ![x](image:${IMG}) b ![y](image:${IMG.toUpperCase()})`)).toEqual([IMG]);
  });

  it('keeps escaped marks and unclosed ones as they are', () => {
    expect(parseInline('\\*not em\\* and 2 * 3 and **open')).toEqual([
      { t: 'text', v: '*not em* and 2 * 3 and **open' },
    ]);
  });
});
