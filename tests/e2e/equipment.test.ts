// The coordinator's equipment screens in Chromium against the real server: the inventory reads
// past its first page and filters, sorts and finds by tag; an item's page moves it through its
// lifecycle and saves corrected details; open loans list the borrower by name, grouped by how
// late they are; and the label sheet prints on A4 pages, 24 whole labels a page (checked in the
// PDF Chromium makes, read back with pdfinfo and pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, describeViolations } from './axe';
import { cmsg, gotoReview, signIn } from './flows';
import {
  COORDINATOR_PASSWORD,
  launchChromium,
  newLaptop,
  recordErrors,
  seedOrg,
  TestServer,
  type SeededOrg,
} from './harness';

const DAY = 86_400_000;
const ITEMS = 60;
const tagOf = (i: number) => `DT-${String(i).padStart(3, '0')}`;

let server: TestServer;
let browser: Browser;
let laptop: BrowserContext;
let page: Page;
let org: SeededOrg;
let errors: string[];
const ids = new Map<string, string>();

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
  const coord = org.coordinator;
  const made = await coord.upsert(
    'equipment',
    Array.from({ length: ITEMS }, (_, i) => ({
      assetTag: tagOf(i),
      kind: i % 5 === 4 ? 'tablet' : 'laptop',
      make: 'Lenovo',
      model: `ThinkPad T${440 + (i % 10)}`,
      status: i % 7 === 6 ? 'repair' : i === 1 ? 'intake' : 'ready',
    })),
  );
  made.forEach((id, i) => ids.set(tagOf(i), id));
  await coord.upsert('borrowers', [
    { borrowerCode: 'B-0007', name: 'Maria Janssens', phone: '0470 12 34 56', consent: true },
  ]);
  const now = Date.now();
  await coord.upsert('loans', [
    {
      equipmentId: ids.get(tagOf(3)),
      kind: 'loan',
      borrowerCode: 'B-0007',
      startedAt: new Date(now - 100 * DAY).toISOString(),
      dueAt: new Date(now - 70 * DAY).toISOString(),
    },
    {
      equipmentId: ids.get(tagOf(8)),
      kind: 'loan',
      borrowerCode: 'B-0008',
      startedAt: new Date(now - 2 * DAY).toISOString(),
      dueAt: new Date(now + 3 * DAY).toISOString(),
    },
  ]);
  laptop = await newLaptop(browser, server.url);
  page = await laptop.newPage();
  errors = recordErrors(page);
  await page.goto('/');
  await signIn(page, org.coordinator.session.user.email, COORDINATOR_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function expectNoAxeViolations(screen: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, describeViolations(screen, violations)).toEqual([]);
}

const rows = () => page.locator('table tbody tr');

describe('the inventory', () => {
  it('reads past its first page, filters by status, finds a tag and sorts by the server', async () => {
    await gotoReview(page, 'equipment');
    const total = ITEMS + 1; // seedOrg's laptop too
    await page.getByText(cmsg('equipment.showing', { shown: 50, total })).waitFor();
    expect(await rows().count()).toBe(50);
    await page.getByRole('button', { name: cmsg('equipment.more'), exact: true }).click();
    await page.getByText(cmsg('equipment.showing', { shown: total, total })).waitFor();
    expect(await rows().count()).toBe(total);
    await expect.poll(() => page.getByRole('button', { name: cmsg('equipment.more') }).count()).toBe(0);
    await expectNoAxeViolations('equipment');

    await page.getByLabel(cmsg('equipment.status'), { exact: true }).selectOption('repair');
    const repairs = Array.from({ length: ITEMS }, (_, i) => i).filter((i) => i % 7 === 6);
    await page
      .getByText(cmsg('equipment.showing', { shown: repairs.length, total: repairs.length }))
      .waitFor();
    expect(await rows().locator('td:first-child').allTextContents()).toEqual(repairs.map(tagOf));
    await page.getByLabel(cmsg('equipment.status'), { exact: true }).selectOption('');

    await page.getByLabel(cmsg('equipment.search'), { exact: true }).fill('dt-05');
    await page.getByText(cmsg('equipment.showing', { shown: 10, total: 10 })).waitFor();
    await page.getByRole('button', { name: cmsg('equipment.tag') }).click(); // ascending -> descending
    await expect
      .poll(() => rows().locator('td:first-child').allTextContents())
      .toEqual(Array.from({ length: 10 }, (_, i) => tagOf(59 - i)));
    // The item on loan shows its borrower code and how late it is.
    await page.getByLabel(cmsg('equipment.search'), { exact: true }).fill('DT-003');
    const row = rows().filter({ hasText: 'DT-003' });
    await expect.poll(() => row.textContent()).toContain('B-0007');
    expect(await row.textContent()).toMatch(/7\d days late/);
    expect(errors).toEqual([]);
  });
});

describe("an item's page", () => {
  it('opens the edit form with the stored values and saving it unchanged changes nothing', async () => {
    const tablet = ids.get(tagOf(4))!;
    await gotoReview(page, `asset/${tablet}`);
    await page.getByRole('button', { name: cmsg('asset.edit'), exact: true }).click();
    expect(await page.getByLabel(cmsg('equipment.kind'), { exact: true }).inputValue()).toBe('tablet');
    expect(await page.getByLabel(cmsg('asset.keyboard'), { exact: true }).inputValue()).toBe('');
    await page.getByRole('button', { name: cmsg('common.save'), exact: true }).click();
    await page.getByRole('button', { name: cmsg('asset.edit'), exact: true }).waitFor();
    const item = (await org.coordinator.records('equipment')).find((e) => e.id === tablet);
    expect(item).toMatchObject({ kind: 'tablet', assetTag: tagOf(4), model: 'ThinkPad T444' });
  });

  it('moves an item from intake to ready, corrects its details and shows its loans by name', async () => {
    await gotoReview(page, `asset/${ids.get(tagOf(1))}`);
    await page.getByRole('heading', { level: 1, name: `${tagOf(1)} · Lenovo ThinkPad T441` }).waitFor();
    await page.getByRole('button', { name: cmsg('asset.action.ready'), exact: true }).click();
    await page.getByText(cmsg('asset.statusIs', { status: 'Ready to lend' })).waitFor();
    await page.getByRole('button', { name: cmsg('asset.edit'), exact: true }).click();
    await page.getByLabel(cmsg('asset.ramGb'), { exact: true }).fill('8');
    await page.getByLabel(cmsg('asset.keyboard'), { exact: true }).selectOption('azerty');
    await page.getByLabel(cmsg('asset.accessories'), { exact: true }).fill('Lader\nMuis');
    await expectNoAxeViolations('asset page, editing');
    await page.getByRole('button', { name: cmsg('common.save'), exact: true }).click();
    const details = page.getByRole('region', { name: cmsg('asset.details') });
    await details.getByText('Lader, Muis').waitFor();
    expect(await details.textContent()).toContain('AZERTY');
    await page.getByRole('button', { name: cmsg('asset.edit'), exact: true }).click();
    expect(await page.getByLabel(cmsg('asset.keyboard'), { exact: true }).inputValue()).toBe('azerty');
    await page.getByRole('button', { name: cmsg('asset.cancel'), exact: true }).click();
    const item = await org.coordinator.records('equipment');
    expect(item.find((e) => e.id === ids.get(tagOf(1)))).toMatchObject({
      status: 'ready',
      specs: { ramGb: 8, keyboard: 'azerty' },
      accessories: ['Lader', 'Muis'],
    });

    await gotoReview(page, `asset/${ids.get(tagOf(3))}`);
    const side = page.getByRole('complementary', { name: cmsg('asset.lifecycle') });
    await side.getByText(/Lent to Maria Janssens by Coordinator E2E/).waitFor();
    const history = page.getByRole('region', { name: cmsg('asset.history') });
    expect(await history.getByRole('row').nth(1).textContent()).toMatch(/Maria Janssens\s*B-0007/);
    await expectNoAxeViolations('asset page, on loan');
    await side.getByRole('button', { name: cmsg('asset.action.returned'), exact: true }).click();
    await side.getByRole('button', { name: cmsg('asset.action.confirmReturned', { tag: tagOf(3) }) }).click();
    await page.getByText(cmsg('asset.statusIs', { status: 'Ready to lend' })).waitFor();
    expect(await history.textContent()).toContain('Returned');
    expect(errors).toEqual([]);
  });
});

describe('open loans', () => {
  it('groups open loans by how late they are, with the borrower by name', async () => {
    await gotoReview(page, 'loans');
    const table = page.locator('table');
    await table.getByText('DT-008').waitFor();
    expect(await table.textContent()).toContain(cmsg('loans.due_soon'));
    expect(await table.textContent()).toContain('due in 3 days');
    await expectNoAxeViolations('open loans');
    await page.getByLabel(cmsg('loans.search'), { exact: true }).fill('b-0008');
    await expect.poll(() => rows().filter({ hasText: 'DT-' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('the label sheet', () => {
  it('prints 24 whole labels per A4 page, every item once', async () => {
    await gotoReview(page, 'labels');
    const total = ITEMS + 1;
    await page.getByText(`${total} labels`).waitFor();
    await expect.poll(() => page.locator('.label img').count(), { timeout: 20_000 }).toBe(total);
    await expectNoAxeViolations('labels');
    const dir = mkdtempSync(join(tmpdir(), 'digitafel-labels-'));
    const file = join(dir, 'labels.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+3\b/);
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    const tags = [org.laptop.assetTag, ...Array.from({ length: ITEMS }, (_, i) => tagOf(i))];
    const perPage = [1, 2, 3].map((n) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], {
        encoding: 'utf8',
      }),
    );
    const count = (text: string) => tags.filter((t) => text.includes(t)).length;
    expect(perPage.map(count)).toEqual([24, 24, total - 48]);
    // Each label's text (tag, kind and model, organisation) is on the page of its tag: not cut.
    expect(perPage.map((t) => (t.match(/Buurt /g) ?? []).length)).toEqual([24, 24, total - 48]);
    console.log(`label sheet PDF: ${file}`);
  });
});
