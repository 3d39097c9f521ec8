// The volunteer screens as tests see them: message texts from the English catalogue, how to
// open a screen and know it rendered, and signing in. Free of vitest imports, so the benchmark
// (tests/support/first-load.ts) can reuse it outside the test runner; flows.ts re-exports it.
import type { Locator, Page } from 'playwright-core';
import { en, type MessageKey } from '../../src/shared/i18n/en';

/** The English text of a message key, with `{name}` placeholders filled. */
export function msg(key: MessageKey, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A regular expression matching a message whose placeholders may hold anything. */
export function msgPattern(key: MessageKey): RegExp {
  const escaped = en[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.*');
  return new RegExp(escaped);
}

export const exact = (key: MessageKey) => ({ name: msg(key), exact: true });

/** What shows that each volunteer screen has rendered (its heading, or Home's first action). */
const SCREENS: Record<string, (p: Page) => Locator> = {
  '#/': (p) => homeActions(p),
  '#/signin': (p) => p.getByRole('heading', exact('signin.title')),
  '#/help/new': (p) => p.getByRole('heading', exact('help.newTitle')),
  '#/permanence': (p) => p.getByRole('heading', exact('permanence.title')),
  '#/loans': (p) => p.getByRole('heading', exact('loans.title')),
  '#/recent': (p) => p.getByRole('heading', exact('recent.title')),
  '#/settings': (p) => p.getByRole('heading', exact('settings.title')),
  '#/fiches': (p) => p.getByRole('heading', exact('fiches.title')),
};

/** The hash routes of the volunteer screens. */
export const VOLUNTEER_ROUTES = Object.keys(SCREENS);

/** Opens a hash route ("#/loans") and waits until that screen has rendered and loaded. */
export async function gotoRoute(page: Page, hash: string): Promise<void> {
  const marker = SCREENS[hash];
  if (!marker) throw new Error(`no screen marker for ${hash}`);
  if (page.url() === 'about:blank') await page.goto('/');
  await page.evaluate((h) => (window.location.hash = h), hash);
  await marker(page).waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 15_000 });
}

/** Signs in through the sign-in screen and waits for Home. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await gotoRoute(page, '#/signin');
  await page.getByLabel(msg('signin.email'), { exact: true }).fill(email);
  await page.getByLabel(msg('signin.password'), { exact: true }).fill(password);
  await page.getByRole('button', exact('signin.submit')).click();
  await homeActions(page).waitFor({ timeout: 15_000 });
}

/** Home's main action buttons (present once signed in). */
export function homeActions(page: Page): Locator {
  return page.getByRole('button', exact('home.newHelp'));
}
