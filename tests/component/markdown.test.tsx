// A fiche's Markdown on screen: script payloads, HTML and javascript: links render as text,
// never as elements; the fiche's own images show from the URL given, or their words.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { Markdown } from '../../src/app/fiches/Markdown';

const IMG = '0193a0d4-7f1e-7c3a-9b1e-2f4d5a6b7c8d';

describe('fiche markdown on screen', () => {
  it('renders script payloads as text', () => {
    const payload = [
      '<script>window.__pwned = 1</script>',
      '1. <img src=x onerror="window.__pwned = 2">',
      '2. [click me](javascript:window.__pwned=3)',
      '> <iframe src="https://evil.example"></iframe>',
      '# <b onmouseover=alert(1)>title</b>',
      `![<svg onload=alert(1)>](image:${IMG})`,
    ].join('\n');
    const { container } = render(
      <Markdown source={payload} imageUrl={() => 'blob:http://localhost/x'} missingImage={(a) => a} />,
    );
    expect(container.querySelector('script, iframe, b, svg, [onerror], [onload], [onmouseover]')).toBeNull();
    expect(container.querySelectorAll('img')).toHaveLength(1);
    expect(container.querySelector('img')!.getAttribute('alt')).toBe('<svg onload=alert(1)>');
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('<script>window.__pwned = 1</script>');
    expect(container.textContent).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(container.textContent).toContain('click me');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows steps as a numbered list, safe links, and the words of an image not on the phone', () => {
    const { container } = render(
      <Markdown
        source={`1. Go to [MyPension](https://www.mypension.be)\n2. Log in\n\n![Login screen](image:${IMG})`}
        imageUrl={() => undefined}
        missingImage={(a) => `missing: ${a}`}
      />,
    );
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual([
      'Go to MyPension',
      'Log in',
    ]);
    const a = container.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://www.mypension.be');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('missing: Login screen');
  });
});
