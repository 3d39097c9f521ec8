// Fiches end to end (issue 14), in Chromium against the built app and the real server: a new
// organisation has the starter set; a coordinator writes a fiche with an image and a script
// payload in its steps, and prints it as an A5 card (pdfinfo: one A5 page; pdftotext: its words;
// pdftoppm makes a PNG to look at, kept with the PDF in FICHE_PDF_DIR or the OS temp directory).
// A volunteer's phone syncs, the server is stopped, and the fiche reads on the phone offline,
// image included (its copy in IndexedDB, shown under the app's strict CSP), the payload as text;
// the help form offers it in one tap when its topic is chosen. axe finds nothing on the fiche
// screens, and none scrolls sideways at 320 px.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { STARTER_FICHES } from '../../src/shared/fiches/starter';
import { axe, describeViolations } from './axe';
import { cmsg, exact, gotoReview, gotoRoute, msg, signIn } from './flows';
import {
  COORDINATOR_PASSWORD,
  countStore,
  launchChromium,
  newLaptop,
  newPhone,
  recordErrors,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
  type SeededOrg,
} from './harness';

const dir = process.env.FICHE_PDF_DIR ?? mkdtempSync(join(tmpdir(), 'fiches-'));
mkdirSync(dir, { recursive: true });
const TITLE = 'Sending your pay slip to the CPAS';
const PAYLOAD = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';

let server: TestServer;
let browser: Browser;
let org: SeededOrg;

beforeAll(async () => {
  server = await TestServer.launch();
  browser = await launchChromium();
  org = await seedOrg(server.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Draws a small screen-like PNG in the page (a canvas) and returns its bytes. */
async function makePng(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 240;
    c.height = 120;
    const g = c.getContext('2d')!;
    g.fillStyle = '#0b5cad';
    g.fillRect(0, 0, 240, 120);
    g.fillStyle = '#ffffff';
    g.fillRect(20, 40, 200, 40);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}

async function noSidewaysScroll(page: Page, what: string) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${what} scrolls sideways at 320 px`).toBeLessThanOrEqual(320);
}

async function expectNoAxe(page: Page, what: string) {
  const violations = await axe(page);
  if (violations.length) console.info(describeViolations(what, violations));
  expect(violations).toEqual([]);
}

describe('fiches', () => {
  let ficheId = '';

  it('has the starter set, and a coordinator writes a fiche with an image and prints it on A5', async () => {
    const laptop = await newLaptop(browser, server.url);
    const page = await laptop.newPage();
    await page.goto('/');
    await signIn(page, org.coordinator.session.user.email, COORDINATOR_PASSWORD);
    await gotoReview(page, 'fiches');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(10);
    for (const s of STARTER_FICHES)
      await page.getByRole('link', { name: s.texts.en.title, exact: true }).waitFor();
    await expectNoAxe(page, 'workspace fiches');

    await page.getByRole('link', { name: cmsg('fiches.new'), exact: true }).click();
    await page.getByLabel(`${cmsg('fiches.titleLabel')} (${cmsg('fiches.lang.en')})`).fill(TITLE);
    await page
      .getByLabel(`${cmsg('fiches.bodyLabel')} (${cmsg('fiches.lang.en')})`)
      .fill(`1. Open your e-mail app.\n2. Tap the **paperclip**.\n3. ${PAYLOAD}\n> Check the address.`);
    await page.getByRole('checkbox', { name: msg('topic.email'), exact: true }).check();
    await page.getByLabel(cmsg('fiches.addImage')).setInputFiles({
      name: 'paperclip.png',
      mimeType: 'image/png',
      buffer: await makePng(page),
    });
    await page.getByText(cmsg('fiches.imageAdded'), { exact: true }).waitFor();
    // The preview shows the image (fetched from the server) and the payload as text.
    const preview = page.getByRole('region', { name: cmsg('fiches.preview') });
    await expect
      .poll(() => preview.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBe(240);
    await expect.poll(() => preview.textContent()).toContain(PAYLOAD);
    // A file that is not an image is refused before upload.
    await page.getByLabel(cmsg('fiches.addImage')).setInputFiles({
      name: 'evil.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    });
    await page.getByText(cmsg('fiches.imageType'), { exact: true }).waitFor();
    await page.getByRole('button', { name: cmsg('fiches.save'), exact: true }).click();
    await page.getByText(cmsg('fiches.saved'), { exact: true }).waitFor();
    ficheId = /#\/review\/fiches\/edit\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(ficheId).not.toBe('');
    await expectNoAxe(page, 'fiche editor');

    // The A5 card: one A5 portrait page (420 x 595 pt) with the title, steps and image.
    await page.getByRole('link', { name: cmsg('fiches.print'), exact: true }).click();
    await page.locator('.fiche-card[data-ready="true"]').waitFor();
    await expectNoAxe(page, 'fiche card');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const file = join(dir, 'fiche-card.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), file).toBe(1);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    expect([Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))], file).toEqual([420, 595]);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(TITLE);
    expect(text).toContain('Tap the paperclip');
    expect(text).not.toContain(cmsg('nav.inbox'));
    execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, 'fiche-card')]);
    console.info(`fiche card printed: ${file} (PNG next to it)`);
    await laptop.close();
  });

  it('reads on a phone with the server stopped, image included, payload as text, offered by the help form', async () => {
    const phone = await newPhone(browser, server.url);
    const page = await phone.newPage();
    const errors = recordErrors(page);
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await waitForServiceWorkerControl(page);
    await expect.poll(() => countStore(page, 'fiches'), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => countStore(page, 'ficheImages'), { timeout: 30_000 }).toBe(1);
    // The starter chunk is loaded once online (it is precached anyway).
    await gotoRoute(page, '#/fiches');

    await server.stop();
    await phone.setOffline(true);
    await page.reload();
    await gotoRoute(page, '#/fiches');
    await page.getByRole('link', { name: STARTER_FICHES[0]!.texts.en.title, exact: true }).waitFor();
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
    const img = page.locator('article.fiche img');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(240);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => page.locator('article.fiche').textContent()).toContain(PAYLOAD);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('article.fiche script').count()).toBe(0);
    await page.screenshot({ path: join(dir, 'phone-fiche.png'), fullPage: true });
    await page.setViewportSize({ width: 320, height: 640 });
    await noSidewaysScroll(page, 'a fiche');
    await page.setViewportSize({ width: 360, height: 740 });

    // The help form offers the fiches of the chosen topic; one tap opens it in place.
    await gotoRoute(page, '#/help/new');
    await page.getByRole('button', exact('topic.email')).click();
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    const opened = page.locator('#topic-fiche');
    await expect
      .poll(() => opened.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBe(240);
    await expect.poll(() => opened.textContent()).toContain('Tap the paperclip');
    await page.screenshot({ path: join(dir, 'phone-help-form.png'), fullPage: true });
    await page.setViewportSize({ width: 320, height: 640 });
    await noSidewaysScroll(page, 'the help form with a fiche open');

    // Settings says what the fiches keep on the phone.
    await page.setViewportSize({ width: 360, height: 740 });
    await gotoRoute(page, '#/settings');
    await page
      .getByText(msg('settings.fichesCount', { n: STARTER_FICHES.length + 1 }), { exact: true })
      .waitFor();
    expect(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e))).toEqual([]);
    await phone.close();
    await server.start();
  });

  it('shows the fiche screens to axe without a violation', async () => {
    const phone = await newPhone(browser, server.url, { bypassCSP: true });
    const page = await phone.newPage();
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await expect.poll(() => countStore(page, 'ficheImages'), { timeout: 30_000 }).toBe(1);
    await gotoRoute(page, '#/fiches');
    await expectNoAxe(page, 'fiches list');
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
    await expectNoAxe(page, 'fiche');
    await gotoRoute(page, '#/help/new');
    await page.getByRole('button', exact('topic.email')).click();
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.locator('#topic-fiche img').waitFor();
    await expectNoAxe(page, 'help form with a fiche');
    await phone.close();
  });
});
