// What a volunteer does in the UI, as reusable steps for the e2e tests. Selectors use roles and
// the English catalogue (src/shared/i18n/en.ts), so a renamed label changes the test with it
// and a removed key fails type checking instead of silently matching nothing.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { en as coordEn, type CoordKey, type CoordMessages } from '../../src/shared/i18n/coordinator/en';
import { fr as coordFr } from '../../src/shared/i18n/coordinator/fr';
import { nl as coordNl } from '../../src/shared/i18n/coordinator/nl';
import { countStore } from './browser';
import { exact, gotoRoute, homeActions, msg } from './screens';

export * from './screens';

/** Records a help request from Home: one topic, one outcome, then Save. */
export async function recordHelpRequest(page: Page): Promise<void> {
  await gotoRoute(page, '#/');
  await homeActions(page).click();
  await page.getByRole('button', exact('topic.itsme')).click();
  await page.getByRole('button', exact('outcome.solved')).click();
  await page.getByRole('button', exact('common.save')).click();
  await homeActions(page).waitFor();
}

/** Starts a permanence at a place, counts `visitors` visitors, and ends it with a note. */
export async function recordPermanence(
  page: Page,
  place: string,
  visitors: number,
  notes: string,
): Promise<void> {
  await gotoRoute(page, '#/permanence');
  await page.getByLabel(msg('permanence.place'), { exact: true }).selectOption({ label: place });
  await page.getByRole('button', exact('permanence.start')).click();
  const plus = page.getByRole('button', exact('permanence.plusVisitor'));
  const count = page.locator('#perm-visitors output, [aria-labelledby="perm-visitors-label"] output').first();
  for (let i = 1; i <= visitors; i++) {
    await plus.click();
    await expect.poll(() => count.textContent()).toBe(String(i));
  }
  await page.getByLabel(msg('permanence.notes'), { exact: true }).fill(notes);
  await page.getByRole('button', exact('permanence.end')).click();
  await homeActions(page).waitFor(); // ending goes back to Home
}

/** Lends the item with `assetTag` to `borrowerCode`, found by typing its asset tag. */
export async function lendByAssetTag(page: Page, assetTag: string, borrowerCode: string): Promise<void> {
  await gotoRoute(page, '#/loans');
  await page.getByLabel(msg('loans.assetTag'), { exact: true }).fill(assetTag);
  await page.getByRole('button', exact('loans.find')).click();
  await page.getByLabel(msg('loans.borrowerCode'), { exact: true }).fill(borrowerCode);
  await page.getByRole('checkbox', exact('loans.agreementExplained')).check();
  await page.getByRole('checkbox', exact('loans.consent')).check();
  await page.getByRole('button', exact('loans.lend')).click();
  await page.getByRole('heading', exact('loans.open')).waitFor();
}

/** Presses "Sync now" on Home and waits until the sync finished. */
export async function pressSyncNow(page: Page): Promise<void> {
  await gotoRoute(page, '#/');
  await page.getByRole('button', exact('sync.now')).click();
  await page.getByRole('button', exact('sync.now')).waitFor({ timeout: 30_000 });
}

/** Presses "Sync now" until the phone's outbox is empty (each press is one sync run). */
export async function syncUntilEmpty(page: Page, timeout = 120_000, interval = 1_000): Promise<void> {
  await expect
    .poll(
      async () => {
        await pressSyncNow(page);
        return countStore(page, 'outbox');
      },
      { timeout, interval },
    )
    .toBe(0);
}

const COORDINATOR_CATALOGUES: Record<'en' | 'nl' | 'fr', CoordMessages> = {
  en: coordEn,
  nl: coordNl,
  fr: coordFr,
};
let coordinatorWords: CoordMessages = coordEn;

/**
 * The language `cmsg` (and so `gotoReview`) reads the workspace in: English unless a script
 * that switched the app's language says otherwise (tests/e2e/screenshots.ts).
 */
export function readWorkspaceIn(lang: 'en' | 'nl' | 'fr'): void {
  coordinatorWords = COORDINATOR_CATALOGUES[lang];
}

/** The coordinator text of a key (src/shared/i18n/coordinator/, English by default), placeholders filled. */
export function cmsg(key: CoordKey, params: Record<string, string | number> = {}): string {
  return coordinatorWords[key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** The heading that shows each coordinator page has rendered. */
const REVIEW_HEADINGS: Record<string, (p: Page) => Locator> = {
  inbox: (p) => p.getByRole('heading', { level: 1, name: cmsg('nav.inbox'), exact: true }),
  conflicts: (p) => p.getByRole('heading', { level: 1, name: cmsg('nav.conflicts'), exact: true }),
  loans: (p) => p.getByRole('heading', { level: 1, name: cmsg('nav.loans'), exact: true }),
  equipment: (p) => p.getByRole('heading', { level: 1, name: cmsg('nav.equipment'), exact: true }),
  labels: (p) => p.getByRole('heading', { level: 1, name: cmsg('equipment.labelsTitle'), exact: true }),
  people: (p) => p.getByRole('heading', { level: 1, name: cmsg('nav.people'), exact: true }),
  security: (p) => p.getByRole('heading', { level: 1, name: cmsg('people.log'), exact: true }),
  reference: (p) => p.getByRole('heading', { level: 1, name: cmsg('nav.reference'), exact: true }),
  fiches: (p) => p.getByRole('heading', { level: 1, name: cmsg('fiches.heading'), exact: true }),
  dashboard: (p) => p.getByRole('heading', { level: 1, name: cmsg('nav.dashboard'), exact: true }),
  exports: (p) => p.getByRole('heading', { level: 1, name: cmsg('exports.title'), exact: true }),
  report: (p) => p.getByRole('heading', { level: 1, name: /./ }),
  privacy: (p) => p.getByRole('heading', { level: 1, name: cmsg('nav.privacy'), exact: true }),
  borrower: (p) => p.getByRole('heading', { level: 1, name: /./ }),
  'info-sheet': (p) =>
    p.getByRole('heading', { level: 1, name: cmsg('privacy.sheetPageTitle'), exact: true }),
  record: (p) => p.locator('h1#detail-title'),
  // An item's page is titled with its asset tag.
  asset: (p) => p.getByRole('heading', { level: 1, name: /./ }),
};

/** The coordinator pages reachable from the workspace's navigation (and the label sheet). */
export const REVIEW_PAGES = Object.keys(REVIEW_HEADINGS).filter(
  (p) => p !== 'record' && p !== 'asset' && p !== 'borrower',
);

/** Opens `#/review/<path>` and waits until its heading shows and nothing is loading. */
export async function gotoReview(page: Page, path: string): Promise<void> {
  const marker = REVIEW_HEADINGS[path.split('/')[0] ?? ''];
  if (!marker) throw new Error(`no heading marker for review page ${path}`);
  if (page.url() === 'about:blank') await page.goto('/');
  await page.evaluate((h) => (window.location.hash = h), `#/review/${path}`);
  await marker(page).waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 15_000 });
}

/** `n` new help requests in the app's export-file format (as another phone would have saved them). */
export function helpRequestsFile(n: number): { ids: string[]; json: string } {
  const ids = Array.from({ length: n }, () => randomUUID());
  const at = new Date().toISOString();
  const records = ids.map((id, i) => ({
    table: 'help_requests' as const,
    record: {
      id,
      occurredAt: at,
      channel: 'street_stand',
      topics: ['email'],
      outcome: 'solved',
      note: `#${i}`,
    },
  }));
  const file = {
    format: 'digitafel-unsynced',
    formatVersion: 1,
    exportedAt: at,
    deviceId: null,
    records,
    outbox: [],
  };
  return { ids, json: JSON.stringify(file) };
}

/**
 * Starts importing `json` through Settings (each record saved through the app's own write path:
 * row + outbox entry in one transaction). Resolves when the file was handed to the page; use
 * `waitForImport` to wait until it is done.
 */
export async function startImport(page: Page, json: string): Promise<void> {
  await gotoRoute(page, '#/settings');
  await page.locator('#import-file').setInputFiles({
    name: 'unsynced.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
}

/** Waits for the import's "n records imported" message. */
export async function waitForImport(page: Page, imported: number): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: msg('settings.imported', { imported, skipped: 0 }) })
    // A backstop: importing 1,000 records took over 2 minutes at load average 20.
    .waitFor({ timeout: 600_000 });
}
