// The funder report prints on exactly one A4 page (issue 10 item 7), for a busy month of a
// seeded project and for an empty month: Chromium prints the page as the report's Print button
// would (print media, A4, the report's own @page rule) and poppler's pdfinfo counts the pages;
// pdftotext checks the page carries the figures a funder asks for. PDFs are kept in the OS temp
// directory (FUNDER_PDF_DIR to choose) to look at: `pdftoppm -png -r 60 <pdf> /tmp/page`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { brusselsDay } from '../../src/shared/report';
import { cmsg, gotoReview, signIn } from './flows';
import { COORDINATOR_PASSWORD, launchChromium, TestServer } from './harness';
import { seedWorkspace, type WorkspaceData } from './workspace-data';

const DAY = 86_400_000;
const dir = process.env.FUNDER_PDF_DIR ?? mkdtempSync(join(tmpdir(), 'funder-report-'));
mkdirSync(dir, { recursive: true });

let server: TestServer;
let browser: Browser;
let data: WorkspaceData;

beforeAll(async () => {
  server = await TestServer.launch();
  browser = await launchChromium();
  // A busy month: 90 help requests over four weeks, permanences, loans...
  data = await seedWorkspace(server.url, 90);
  // ...and service signals about tax-on-web, referred to a partner.
  const now = Date.now();
  await data.coordinator.upsert(
    'help_requests',
    Array.from({ length: 12 }, (_, i) => ({
      occurredAt: new Date(now - (i + 1) * 2 * DAY).toISOString(),
      channel: 'permanence',
      locationId: data.placeIds[i % 3],
      topics: ['tax_on_web'],
      outcome: 'referred',
      referralPartnerIds: [data.partnerIds[0]],
      didItThemselves: 'helper',
      serviceSignal: 'Tax-on-web vraagt itsme; de persoon heeft geen smartphone.',
    })),
  );
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Sets the report's period in its date inputs and waits for the report of that period. */
async function setPeriod(page: Page, from: string, to: string) {
  await page.getByLabel(cmsg('filter.from'), { exact: true }).fill(from);
  await page.getByLabel(cmsg('filter.to'), { exact: true }).fill(to);
  await page.waitForFunction(() => !document.querySelector('.loading'));
  await page.getByRole('heading', { level: 2, name: cmsg('report.referrals'), exact: true }).waitFor();
}

/** Prints the page as the Print button does; returns the PDF's page count and text. */
async function print(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  // Chart.js resizes its canvases to the print layout on the next frames (ResizeObserver).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  // Reading order, words joined across line breaks (a heading may wrap in its column).
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]), text };
}

describe('the funder report on paper', () => {
  it('prints a busy month and an empty month on exactly one A4 page each', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'Europe/Brussels',
    });
    const page = await context.newPage();
    await page.goto('/');
    await signIn(page, data.coordinator.session.user.email, COORDINATOR_PASSWORD);
    await gotoReview(page, 'report');

    const today = brusselsDay(new Date());
    await setPeriod(page, brusselsDay(new Date(Date.now() - 30 * DAY)), today);
    const busy = await print(page, 'busy-month');
    expect(busy.pages, `busy month: ${dir}/busy-month.pdf`).toBe(1);
    // A4 portrait is 595 x 842 pt.
    expect(Math.round(busy.width)).toBe(595);
    expect(Math.round(busy.height)).toBe(842);
    for (const key of [
      'dashboard.total',
      'report.peopleReached',
      'report.didIt',
      'report.referrals',
      'report.devicesLent',
      'dashboard.sessions',
      'dashboard.turnedAway',
      'report.signals',
      'dashboard.places',
    ] as const)
      expect(busy.text, key).toContain(cmsg(key));
    // The partner by name, the service by its name, the printed figures of the week table.
    expect(busy.text).toContain('OCMW Antwerpen');
    expect(busy.text).toContain('Tax-on-web');
    expect(busy.text).toContain(cmsg('chart.week'));

    await setPeriod(page, '2025-02-01', '2025-02-28');
    const empty = await print(page, 'empty-month');
    expect(empty.pages, `empty month: ${dir}/empty-month.pdf`).toBe(1);
    expect(empty.text).toContain(cmsg('chart.empty'));
    await context.close();
  });
});
