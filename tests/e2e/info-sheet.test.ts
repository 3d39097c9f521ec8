// The information sheets for the stand (GDPR art. 13, issue 11) and the privacy contact they
// name. A coordinator sets the contact on the Data protection page (saved with PATCH /org and
// read back after a reload and from GET /me), opens "Print information sheet" in a chosen
// language, and Chromium prints the page as its Print button would (print media, the sheet's own
// @page rule): poppler's pdfinfo checks every page is A5 portrait (420 x 595 pt) and how many
// there are; pdftotext checks each page carries its whole text (title to the complaint
// authority), the organisation's name and the privacy contact. PDFs are kept in the OS temp
// directory (INFO_SHEET_PDF_DIR to choose) to look at: `pdftoppm -png -r 80 <pdf> /tmp/sheet`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { infoText, type InfoKind } from '../../src/shared/info-texts';
import type { Lang } from '../../src/shared/i18n';
import { cmsg, gotoReview, signIn } from './flows';
import { api, COORDINATOR_PASSWORD, launchChromium, seedOrg, TestServer, type SeededOrg } from './harness';

const dir = process.env.INFO_SHEET_PDF_DIR ?? mkdtempSync(join(tmpdir(), 'info-sheet-'));
mkdirSync(dir, { recursive: true });
const CONTACT = 'privacy@buurtwerk.example · 02 555 01 23';

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
let orgName: string;

beforeAll(async () => {
  server = await TestServer.launch();
  browser = await launchChromium();
  org = await seedOrg(server.url);
  const me = await api<{ org: { name: string } }>(server.url, '/me', {
    token: org.coordinator.session.token,
  });
  orgName = me.org.name;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Prints the page as its Print button does; returns each page's size and text. */
async function print(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  const texts = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' '),
  );
  return { file, count, sizes, texts };
}

/** What must be on the printed page of one text: its title, first and last words, org, contact. */
function expectSheet(text: string, kind: InfoKind, lang: Lang, where: string) {
  const t = infoText(kind, lang, { org: orgName, contact: CONTACT });
  const last = t.sections.at(-1)?.paragraphs.at(-1) ?? '';
  expect(text, where).toContain(t.title);
  expect(text, where).toContain(orgName);
  expect(text, where).toContain(CONTACT);
  // The page holds the whole text: its last sentence (the complaint authority) is printed.
  expect(text, where).toContain(last.slice(-60));
}

describe('the information sheet for the stand', () => {
  it('saves the privacy contact and prints the chosen sheets on A5 pages naming it', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'Europe/Brussels',
    });
    const page = await context.newPage();
    await page.goto('/');
    await signIn(page, org.coordinator.session.user.email, COORDINATOR_PASSWORD);
    await gotoReview(page, 'privacy');

    // The privacy contact: saved, then read back after a reload and by the phones' GET /me.
    const contact = page.getByLabel(cmsg('privacy.contact'), { exact: true });
    await expect.poll(() => contact.inputValue()).toBe('');
    await contact.fill(CONTACT);
    await page.getByRole('button', { name: cmsg('privacy.contactSave'), exact: true }).click();
    await page.getByText(cmsg('privacy.contactSaved'), { exact: true }).waitFor();
    await page.reload();
    await gotoReview(page, 'privacy');
    await expect.poll(() => contact.inputValue()).toBe(CONTACT);
    const me = await api<{ org: { privacyContact: string | null } }>(server.url, '/me', {
      token: org.coordinator.session.token,
    });
    expect(me.org.privacyContact).toBe(CONTACT);

    // French, both sheets: two A5 pages, the visitor text then the borrower text.
    await page.getByLabel(cmsg('privacy.sheetLang'), { exact: true }).selectOption('fr');
    await page.getByLabel(cmsg('privacy.sheetWhich'), { exact: true }).selectOption('both');
    await page.getByRole('link', { name: cmsg('privacy.sheetOpen'), exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: cmsg('privacy.sheetPageTitle'), exact: true })
      .waitFor();
    await page.locator('.info-sheet').nth(1).waitFor();
    await page.screenshot({ path: join(dir, 'screen.png'), fullPage: true });
    const fr = await print(page, 'fr-both');
    expect(fr.count, fr.file).toBe(2);
    expect(fr.sizes, fr.file).toEqual([
      [420, 595],
      [420, 595],
    ]);
    expectSheet(fr.texts[0] ?? '', 'visitor', 'fr', `${fr.file} page 1`);
    expectSheet(fr.texts[1] ?? '', 'borrower', 'fr', `${fr.file} page 2`);
    // Nothing of the workspace around the sheet is printed.
    expect(fr.texts.join(' ')).not.toContain(cmsg('privacy.sheetPageTitle'));
    expect(fr.texts.join(' ')).not.toContain(cmsg('nav.inbox'));

    // Every language, the borrower sheet only: three pages, one per language.
    await page.getByLabel(cmsg('privacy.sheetLang'), { exact: true }).selectOption('all');
    await page.getByLabel(cmsg('privacy.sheetWhich'), { exact: true }).selectOption('borrower');
    await expect.poll(() => page.locator('.info-sheet').count()).toBe(3);
    const all = await print(page, 'all-borrower');
    expect(all.count, all.file).toBe(3);
    expect(
      all.sizes.every(([w, h]) => w === 420 && h === 595),
      all.file,
    ).toBe(true);
    (['nl', 'fr', 'en'] as const).forEach((lang, i) =>
      expectSheet(all.texts[i] ?? '', 'borrower', lang, `${all.file} page ${i + 1}`),
    );

    // Every language and both sheets: six A5 pages, each whole.
    await page.getByLabel(cmsg('privacy.sheetWhich'), { exact: true }).selectOption('both');
    await expect.poll(() => page.locator('.info-sheet').count()).toBe(6);
    const six = await print(page, 'all-both');
    expect(six.count, six.file).toBe(6);
    expect(
      six.sizes.every(([w, h]) => w === 420 && h === 595),
      six.file,
    ).toBe(true);
    (['nl', 'fr', 'en'] as const).forEach((lang, i) => {
      expectSheet(six.texts[2 * i] ?? '', 'visitor', lang, `${six.file} page ${2 * i + 1}`);
      expectSheet(six.texts[2 * i + 1] ?? '', 'borrower', lang, `${six.file} page ${2 * i + 2}`);
    });
    await context.close();
  });
});
