// Accessibility of the main screens with axe-core (names, labels, roles, ARIA use). Colour
// contrast cannot be computed in jsdom; it is checked in the e2e tests in Chromium.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/preact';
import axe from 'axe-core';
import { freshPhone, renderApp } from './helpers';

async function violations(): Promise<string[]> {
  const res = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  const screens: Array<[string, string]> = [
    ['#/', 'New help request'],
    ['#/help/new', 'Save'],
    ['#/permanence', 'Start permanence'],
    ['#/loans', 'Find'],
    ['#/settings', 'Sign out'],
  ];
  for (const [hash, button] of screens) {
    it(`has no axe violations on ${hash}`, async () => {
      await freshPhone('en');
      renderApp(hash);
      await screen.findByRole('button', { name: button });
      expect(await violations()).toEqual([]);
    });
  }
});
