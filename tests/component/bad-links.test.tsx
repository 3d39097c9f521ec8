// Links a volunteer or coordinator may be sent (or mistype) never break the app: a hash with a
// malformed percent-escape or a script payload shows "not found" or the screen, as text.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/preact';
import { parseRoute } from '../../src/app/router';
import { en } from '../../src/shared/i18n/en';
import { freshPhone, renderApp } from './helpers';

describe('malformed and malicious links', () => {
  it('parses any hash without throwing', () => {
    for (const hash of ['#/help/%E0%A4%A', '#/loans/%', '#/enrol/%zz', '#/loans/lend/%E0', '#/%']) {
      expect(() => parseRoute(hash), hash).not.toThrow();
    }
    expect(parseRoute('#/help/%E0%A4%A')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/help/abc%20d')).toEqual({ name: 'helpEdit', id: 'abc d' });
  });

  it('renders a screen, not a crash, for a malformed or script-laden link', async () => {
    await freshPhone();
    renderApp('#/help/%E0%A4%A');
    expect(await screen.findByText(en['notFound.title'], { exact: false })).toBeTruthy();
  });

  it('shows a script payload in a link as text', async () => {
    await freshPhone();
    const payload = '<img src=x onerror=alert(1)>';
    renderApp(`#/loans/${encodeURIComponent(payload)}`);
    await screen.findAllByRole('heading');
    expect(document.querySelector('img[src="x"], [onerror]')).toBeNull();
  });
});
