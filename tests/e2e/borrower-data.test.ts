// A borrower's access request (GDPR art. 15, issue 11): from the Data protection page a
// coordinator opens everything held about one borrower code as a page in words: name, contact
// and consent, each device with its asset tag and dates in Brussels time, every change with who
// made it, and no ids or JSON; it prints (checked with pdftotext), and the JSON copy for a
// computer still downloads. PDFs are kept in the OS temp directory (BORROWER_PDF_DIR to choose).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cmsg, gotoReview, signIn } from './flows';
import {
  api,
  COORDINATOR_PASSWORD,
  launchChromium,
  newLaptop,
  seedOrg,
  TestServer,
  type SeededOrg,
} from './harness';

const dir = process.env.BORROWER_PDF_DIR ?? mkdtempSync(join(tmpdir(), 'borrower-data-'));
mkdirSync(dir, { recursive: true });

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
let borrowerId: string;
let loanId: string;

beforeAll(async () => {
  server = await TestServer.launch();
  browser = await launchChromium();
  org = await seedOrg(server.url);
  [borrowerId = ''] = await org.coordinator.upsert('borrowers', [
    {
      borrowerCode: 'B-7001',
      name: 'Fatima El Amrani',
      phone: '0470 12 34 56',
      consent: true,
      consentAt: '2026-03-14T23:30:00.000Z',
    },
  ]);
  // Lent at 00:30 on 15 March in Brussels: 14 March in UTC.
  [loanId = ''] = await org.coordinator.upsert('loans', [
    {
      equipmentId: org.laptop.id,
      kind: 'loan',
      borrowerCode: 'B-7001',
      startedAt: '2026-03-14T23:30:00.000Z',
      dueAt: '2026-04-14T22:00:00.000Z',
      agreementExplained: true,
      consent: true,
      consentAt: '2026-03-14T23:30:00.000Z',
      accessoriesOut: ['charger'],
    },
  ]);
  // A coordinator corrects the phone number: the change is part of what is held.
  await api(server.url, `/records/borrowers/${borrowerId}`, {
    method: 'PATCH',
    token: org.coordinator.session.token,
    body: { changes: { phone: '0470 98 76 54' } },
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe("a borrower's data on request", () => {
  it('shows, prints and downloads everything held about one borrower in words', async () => {
    const context = await newLaptop(browser, server.url);
    const page = await context.newPage();
    await page.goto('/');
    await signIn(page, org.coordinator.session.user.email, COORDINATOR_PASSWORD);
    await gotoReview(page, 'privacy');
    await page.getByLabel(cmsg('privacy.borrower'), { exact: true }).fill('B-7001');
    await page.getByRole('button', { name: cmsg('privacy.show'), exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: cmsg('privacy.dataTitle', { code: 'B-7001' }), exact: true })
      .waitFor();
    const main = page.locator('main');
    await main.getByText('Fatima El Amrani', { exact: true }).waitFor();
    const text = (await main.innerText()).replace(/\s+/g, ' ');

    // Identity and consent in words.
    expect(text).toContain('0470 98 76 54');
    expect(text).toMatch(new RegExp(`${cmsg('field.consent')} Yes`));
    // The device by its asset tag, lent on 15 March in Brussels time (14 March in UTC).
    expect(text).toContain(cmsg('privacy.dataLoanOf', { tag: org.laptop.assetTag, date: '15 Mar 2026' }));
    expect(text).toContain('15 Mar 2026, 00:30');
    expect(text).toContain('charger');
    // The correction: which field, from what to what, by whom.
    expect(text).toContain(
      cmsg('audit.change', { field: cmsg('field.phone'), from: '0470 12 34 56', to: '0470 98 76 54' }),
    );
    expect(text).toContain(org.coordinator.session.user.name);
    // No ids and no JSON.
    for (const id of [borrowerId, loanId, org.laptop.id, org.coordinator.session.user.id])
      expect(text).not.toContain(id);
    expect(text).not.toMatch(/[{}"]/);

    // On paper: A4, with the same words.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const file = join(dir, 'borrower-B-7001.pdf');
    writeFileSync(file, pdf);
    const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['Fatima El Amrani', '0470 98 76 54', org.laptop.assetTag, '15 Mar 2026'])
      expect(printed, file).toContain(words);
    expect(printed).not.toContain(cmsg('privacy.dataRaw'));

    // The JSON copy for a computer.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: cmsg('privacy.dataRaw'), exact: true }).click(),
    ]);
    const json = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
      borrowerCode: string;
      borrower: { name: string };
      names: { equipment: Record<string, string> };
    };
    expect(download.suggestedFilename()).toBe('borrower-B-7001.json');
    expect(json.borrowerCode).toBe('B-7001');
    expect(json.borrower.name).toBe('Fatima El Amrani');
    expect(json.names.equipment[org.laptop.id]).toBe(org.laptop.assetTag);
    await context.close();
  });

  it('says so when no borrower has the code', async () => {
    const context = await newLaptop(browser, server.url);
    const page = await context.newPage();
    await page.goto('/');
    await signIn(page, org.coordinator.session.user.email, COORDINATOR_PASSWORD);
    await gotoReview(page, 'borrower/B-NOBODY');
    await page
      .getByRole('alert')
      .filter({ hasText: cmsg('privacy.notFound') })
      .waitFor();
    await context.close();
  });
});
