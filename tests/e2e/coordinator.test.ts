// Issue 4 end to end: a coordinator on a laptop and volunteers' phones against the real server.
// The coordinator sees what a phone pushed, marks a help request "has issues", enrols a second
// phone from the QR code, resolves the loan conflict two offline phones made, revokes a phone
// (whose next sync is refused and says so), downloads a CSV, and a correction the shared schema
// refuses is said next to its field with nothing saved. Last, axe-core checks every coordinator
// screen with this data on it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
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
import { axe, describeViolations } from './axe';
import {
  cmsg,
  gotoReview,
  gotoRoute,
  homeActions,
  lendByAssetTag,
  msg,
  pressSyncNow,
  recordHelpRequest,
  REVIEW_PAGES,
  signIn,
} from './flows';

type Rec = Record<string, unknown> & { id: string };

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
let laptop: BrowserContext;
let desk: Page;
const deskErrors: string[] = [];
let phoneA: { context: BrowserContext; page: Page };
let phoneB: { context: BrowserContext; page: Page };
let helpRequestId = '';
const spare = { id: '', assetTag: '' };
const ENROLLED_NAME = 'Amira Phone';

const token = () => org.coordinator.session.token;

/** Fails with the violations when axe-core finds any on the coordinator's page as it is. */
async function expectNoAxeViolations(screen: string): Promise<void> {
  const violations = await axe(desk);
  expect(violations, describeViolations(screen, violations)).toEqual([]);
}

/** Waits until a phone is offline-ready: worker in control and the equipment pulled. */
async function ready(page: Page): Promise<void> {
  await waitForServiceWorkerControl(page);
  await expect.poll(() => countStore(page, 'equipment'), { timeout: 30_000 }).toBe(2);
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
  spare.assetTag = `${org.laptop.assetTag}-2`;
  [spare.id = ''] = await org.coordinator.upsert('equipment', [
    { assetTag: spare.assetTag, kind: 'laptop', make: 'Dell', model: 'Latitude 7490', status: 'ready' },
  ]);
  laptop = await newLaptop(browser, server.url);
  desk = await laptop.newPage();
  deskErrors.push(...recordErrors(desk));
  await desk.goto('/');
  await signIn(desk, org.coordinator.session.user.email, COORDINATOR_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the coordinator workspace', () => {
  it('shows what a volunteer phone pushed and marks a help request "has issues"', async () => {
    const context = await newPhone(browser, server.url);
    const page = await context.newPage();
    phoneA = { context, page };
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await ready(page);
    await recordHelpRequest(page);
    await lendByAssetTag(page, org.laptop.assetTag, 'B-0001');
    await pressSyncNow(page);
    await expect.poll(async () => (await org.coordinator.records('help_requests')).length).toBe(1);
    helpRequestId = String((await org.coordinator.records('help_requests'))[0]?.id);

    // The Home link leads a coordinator to the workspace; the inbox lists the new record.
    await gotoRoute(desk, '#/');
    await desk.getByRole('link', { name: msg('nav.review'), exact: true }).click();
    await gotoReview(desk, 'inbox');
    const row = desk.getByRole('row').filter({ hasText: org.volunteer.name });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('itsme');
    expect(await row.textContent()).toContain(cmsg('review.new'));

    // The record opens from its date, the row's link.
    await row.getByRole('link').first().click();
    await gotoReview(desk, `record/help_requests/${helpRequestId}`);
    await desk.getByLabel(cmsg('filter.reviewState'), { exact: true }).selectOption('has_issues');
    await desk.getByLabel(cmsg('detail.comment'), { exact: true }).fill('Which itsme problem? Ask Vera.');
    await desk.getByRole('button', { name: cmsg('reviewPanel.save'), exact: true }).click();
    await desk
      .getByRole('status')
      .filter({ hasText: cmsg('detail.saved') })
      .waitFor();
    // The audit trail on screen says who changed what, in words.
    const audit = desk.getByRole('table', { name: cmsg('detail.audit'), exact: true });
    await expect.poll(() => audit.textContent()).toContain('Coordinator E2E');
    expect(await audit.textContent()).toContain(
      cmsg('audit.change', {
        field: cmsg('filter.reviewState'),
        from: cmsg('review.new'),
        to: cmsg('review.has_issues'),
      }),
    );

    const detail = await api<{ record: Rec; audit: Array<{ userId: string }> }>(
      server.url,
      `/records/help_requests/${helpRequestId}`,
      { token: token() },
    );
    expect(detail.record).toMatchObject({
      reviewState: 'has_issues',
      reviewComment: 'Which itsme problem? Ask Vera.',
    });
    expect(detail.audit.at(-1)?.userId).toBe(org.coordinator.session.user.id);

    // The inbox filtered on "has issues" shows it; the default "new" filter no longer does.
    await gotoReview(desk, 'inbox');
    await expect.poll(() => desk.getByText(cmsg('inbox.empty')).count()).toBe(1);
    await desk.getByLabel(cmsg('filter.reviewState'), { exact: true }).selectOption('has_issues');
    await desk.getByRole('button', { name: cmsg('filter.apply'), exact: true }).click();
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(cmsg('review.has_issues'));

    // The loan shows among the open loans with its asset tag and borrower code.
    await gotoReview(desk, 'loans');
    const loanRow = desk.getByRole('row').filter({ hasText: 'B-0001' });
    await expect.poll(() => loanRow.textContent()).toContain(org.laptop.assetTag);
  });

  it('refuses a correction the shared schema refuses, next to its field, and saves nothing', async () => {
    await gotoReview(desk, `record/help_requests/${helpRequestId}`);
    await desk.getByRole('button', { name: cmsg('correction.start'), exact: true }).click();
    const note = desk.getByLabel(msg('help.note'), { exact: true });
    await note.fill('x'.repeat(2001));
    await desk.getByRole('button', { name: cmsg('correction.save'), exact: true }).click();
    const fieldError = desk.locator('[id="help-note-error"]');
    await expect.poll(() => fieldError.textContent()).toBe(msg('validation.tooLong', { max: 2000 }));
    expect((await note.getAttribute('aria-describedby'))?.split(' ')).toContain('help-note-error');
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations('record detail with a refused correction');

    const detail = await api<{ record: Rec; audit: unknown[] }>(
      server.url,
      `/records/help_requests/${helpRequestId}`,
      { token: token() },
    );
    expect(detail.record).toMatchObject({ reviewState: 'has_issues', outcome: 'solved' });
    expect(detail.record.note ?? null).toBeNull();
    expect(detail.audit).toHaveLength(1);
  });

  it('enrols a phone from the QR code and resolves the loan conflict two offline phones made', async () => {
    await gotoReview(desk, 'people');
    await desk.getByLabel(cmsg('people.name'), { exact: true }).fill(ENROLLED_NAME);
    await desk.getByRole('button', { name: cmsg('people.addSubmit'), exact: true }).click();
    await desk.getByRole('figure').getByRole('img').waitFor();
    const enrolUrl = await desk.getByLabel(cmsg('people.shareLink'), { exact: true }).inputValue();
    expect(enrolUrl).toMatch(/#\/enrol\//);

    const context = await newPhone(browser, server.url);
    const page = await context.newPage();
    phoneB = { context, page };
    await page.goto(enrolUrl);
    // The phone says whose code it is and asks first.
    await page.getByRole('button', { name: msg('enrol.join'), exact: true }).click();
    await homeActions(page).waitFor({ timeout: 20_000 });
    await ready(page);

    // Both phones lend the spare laptop while the server is unreachable.
    await server.stop();
    await lendByAssetTag(phoneA.page, spare.assetTag, 'B-0002');
    await lendByAssetTag(phoneB.page, spare.assetTag, 'B-0003');
    await server.start();
    // Which one reaches the server first (a manual or a background sync) decides the conflict.
    await pressSyncNow(phoneA.page);
    await pressSyncNow(phoneB.page);
    await expect.poll(async () => (await org.coordinator.records('loans')).length).toBe(3);
    const conflicted = (await org.coordinator.records('loans')).filter((l) => l.status === 'conflict');
    expect(conflicted).toHaveLength(1);
    const loser = String(conflicted[0]?.borrowerCode);
    const winner = loser === 'B-0002' ? 'B-0003' : 'B-0002';
    const loserPhone = loser === 'B-0002' ? phoneA : phoneB;

    await gotoReview(desk, 'conflicts');
    // In words: the item, each loan's borrower, and who has it now.
    const card = desk.getByRole('article').filter({ hasText: `${spare.assetTag} · ` });
    await card.getByRole('heading', { name: new RegExp(`^${spare.assetTag} · .* was lent twice`) }).waitFor();
    const sides = card.locator('.ws-side');
    expect(await sides.nth(0).textContent()).toContain(cmsg('conflicts.first'));
    expect(await sides.nth(0).textContent()).toContain(`To ${winner}, by`);
    expect(await sides.nth(1).textContent()).toContain(`To ${loser}, by`);
    await expectNoAxeViolations('conflicts (one waiting)');
    await card
      .getByRole('button', { name: cmsg('conflicts.keepFirst', { name: winner }), exact: true })
      .click();
    await desk
      .getByRole('status')
      .filter({ hasText: cmsg('conflicts.resolved') })
      .waitFor();
    await desk.getByText(cmsg('conflicts.none')).waitFor();

    const queue = await api<{ loans: unknown[] }>(server.url, '/conflicts', { token: token() });
    expect(queue.loans).toEqual([]);
    const loans = new Map((await org.coordinator.records('loans')).map((l) => [l.borrowerCode, l]));
    expect(loans.has(loser)).toBe(false);
    expect(loans.get(winner)).toMatchObject({ equipmentId: spare.id, status: 'active' });

    // The phone whose loan lost sees the outcome after its next sync: no conflict left.
    await pressSyncNow(loserPhone.page);
    await gotoRoute(loserPhone.page, '#/');
    await expect
      .poll(() => loserPhone.page.getByRole('region', { name: msg('sync.region') }).textContent())
      .not.toContain(msg('sync.conflicts', { n: 1 }));
    await gotoRoute(loserPhone.page, '#/recent');
    const lost = loserPhone.page
      .getByRole('region', { name: msg('recent.loans'), exact: true })
      .getByRole('listitem')
      .filter({ hasText: loser });
    await expect.poll(() => lost.count()).toBe(0);
  });

  it('revokes a phone: its next sync is refused and the phone says so', async () => {
    await gotoReview(desk, 'people');
    const row = desk
      .getByRole('table', { name: cmsg('people.devices'), exact: true })
      .getByRole('row')
      .filter({ hasText: ENROLLED_NAME });
    desk.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: new RegExp(`^${cmsg('people.revoke')}`) }).click();
    await expect.poll(() => row.textContent()).toContain(cmsg('people.revoked', { date: '' }).trim());

    // The laptop in use cannot revoke itself.
    const devicesTable = desk.getByRole('table', { name: cmsg('people.devices'), exact: true });
    expect(await devicesTable.textContent()).toContain(cmsg('people.thisDevice'));

    const { devices } = await api<{ devices: Array<{ userId: string; revokedAt: string | null }> }>(
      server.url,
      '/devices',
      { token: token() },
    );
    const { users } = await api<{ users: Array<{ id: string; name: string }> }>(server.url, '/people', {
      token: token(),
    });
    const enrolled = users.find((u) => u.name === ENROLLED_NAME);
    expect(devices.filter((d) => d.userId === enrolled?.id).map((d) => Boolean(d.revokedAt))).toEqual([true]);

    await recordHelpRequest(phoneB.page);
    await pressSyncNow(phoneB.page);
    const region = phoneB.page.getByRole('region', { name: msg('sync.region') });
    await expect.poll(() => region.textContent()).toContain(msg('sync.signedOut'));
    expect(await region.getByRole('alert').first().textContent()).toContain(msg('sync.signedOut'));
    expect(await region.textContent()).toContain(msg('sync.waiting', { n: 1 }));
    expect((await org.coordinator.records('help_requests')).length).toBe(1);
  });

  it('downloads the help requests as a spreadsheet, as a CSV for Excel and as raw data', async () => {
    await gotoReview(desk, 'exports');
    await desk.getByLabel(cmsg('exports.what'), { exact: true }).selectOption('help_requests');
    const fetchFile = async (format: 'exports.xlsx' | 'exports.csv' | 'exports.raw') => {
      await desk.getByRole('radio', { name: cmsg(format), exact: true }).check();
      const [file] = await Promise.all([
        desk.waitForEvent('download'),
        desk.getByRole('button', { name: cmsg('exports.download'), exact: true }).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    // Readable CSV: BOM, semicolons, words instead of keys, no ids.
    const csv = await fetchFile('exports.csv');
    expect(csv.name).toMatch(new RegExp(`^${cmsg('table.help_requests')}.*\\.csv$`));
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString('utf8').trimEnd().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    const header = (lines[0] ?? '').split(';');
    expect(header.slice(0, 2)).toEqual([cmsg('col.date'), cmsg('col.time')]);
    const row = (lines[1] ?? '').split(';');
    expect(row[header.indexOf(cmsg('col.reviewState'))]).toBe(msg('reviewState.has_issues'));
    expect(lines[1]).not.toContain(helpRequestId);
    // XLSX: a zip (PK) named after the table.
    const xlsx = await fetchFile('exports.xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Raw: keys and ids for joining tables.
    const raw = await fetchFile('exports.raw');
    expect(raw.name).toMatch(/^help_requests.*\.csv$/);
    const rawLines = raw.bytes.subarray(3).toString('utf8').trimEnd().split(/\r?\n/);
    const rawHeader = (rawLines[0] ?? '').split(';');
    const rawRow = (rawLines[1] ?? '').split(';');
    expect(rawRow[rawHeader.indexOf('id')]).toBe(helpRequestId);
    expect(rawRow[rawHeader.indexOf('reviewState')]).toBe('has_issues');
  });

  it('prints the funder report and the label sheet without navigation or buttons', async () => {
    for (const page of ['report', 'labels']) {
      await gotoReview(desk, page);
      await desk.emulateMedia({ media: 'print' });
      expect(await desk.getByRole('navigation', { name: cmsg('nav.label') }).isVisible()).toBe(false);
      expect(await desk.getByRole('button', { name: cmsg('report.print'), exact: true }).isVisible()).toBe(
        false,
      );
      // The report prints its title; the label sheet prints labels only (a title would take the
      // place of a row of labels on the first page).
      if (page === 'report') expect(await desk.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      else expect(await desk.locator('.label').first().isVisible()).toBe(true);
      await desk.emulateMedia({ media: 'screen' });
    }
    await gotoReview(desk, 'labels');
    const labels = desk.locator('.label');
    await expect.poll(() => labels.count()).toBe(2);
    await expect.poll(() => labels.getByRole('img').count()).toBe(2);
    const alts = await labels.getByRole('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
    expect(alts.sort()).toEqual(
      [org.laptop.assetTag, spare.assetTag].map((tag) => cmsg('equipment.qrAlt', { tag })).sort(),
    );
  });

  it('finds no axe-core violation on any coordinator screen', async () => {
    const report: string[] = [];
    const check = async (screen: string) => {
      const violations = await axe(desk);
      if (violations.length) report.push(describeViolations(screen, violations));
    };
    for (const page of REVIEW_PAGES) {
      await gotoReview(desk, page);
      await check(page);
    }
    await gotoReview(desk, `record/help_requests/${helpRequestId}`);
    await check('record detail');
    await gotoReview(desk, 'people');
    await desk.getByLabel(cmsg('people.name'), { exact: true }).fill('Another phone');
    await desk.getByRole('button', { name: cmsg('people.addSubmit'), exact: true }).click();
    await desk.getByRole('figure').getByRole('img').waitFor();
    await check('people with an enrolment QR code');
    if (report.length) console.info(report.join('\n'));
    expect(report).toEqual([]);
    expect(deskErrors).toEqual([]);
  });
});
