// Issue 10, item 4 end to end in Chromium on a 360x740 phone: a coordinator marks a volunteer's
// help request "has issues" with a comment (through the API); the phone syncs, Home shows the
// notice and Recent the comment; the volunteer corrects the record with the same form and
// syncs; the server has it as "new" again and the notice is gone. Screenshots of Home and
// Recent go to the directory printed (REVIEW_SHOTS_DIR to choose it), to look at.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, describeViolations } from './axe';
import {
  api,
  launchChromium,
  newPhone,
  recordErrors,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
  type SeededOrg,
} from './harness';
import { exact, gotoRoute, msg, pressSyncNow, recordHelpRequest, signIn, syncUntilEmpty } from './flows';

const SHOTS = process.env.REVIEW_SHOTS_DIR ?? join(tmpdir(), 'digitafel-review-feedback');
const COMMENT =
  'Was it really solved? The note of the next visit says the itsme app still refuses the card; ' +
  'if it only partly worked, please say so.';

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
  context = await newPhone(browser, server.url, { bypassCSP: true }); // axe is an inline script
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

/** The review state and outcome the server holds for a help request (as the coordinator reads it). */
async function onServer(
  id: string,
): Promise<{ reviewState: string; reviewComment: string | null; outcome: string }> {
  const res = await api<{ record: { reviewState: string; reviewComment: string | null; outcome: string } }>(
    server.url,
    `/records/help_requests/${id}`,
    { token: org.coordinator.session.token },
  );
  return res.record;
}

/** No sideways scroll on a 360 px wide screen. */
async function fitsWidth(): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

describe('review feedback on a phone', () => {
  it('brings "has issues" and the comment to the phone, and the correction back to the inbox as new', async () => {
    const errors = recordErrors(page);
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await waitForServiceWorkerControl(page);
    await recordHelpRequest(page); // itsme, solved
    await syncUntilEmpty(page);
    const mine = (await org.coordinator.records('help_requests')).filter(
      (r) => r.topics?.toString() === 'itsme',
    );
    expect(mine).toHaveLength(1);
    const id = mine[0]!.id as string;
    expect(await onServer(id)).toMatchObject({ reviewState: 'new', outcome: 'solved' });
    const notice = page.getByRole('link', { name: msg('home.attention_one', { n: 1 }), exact: true });
    expect(await notice.count()).toBe(0);

    // The coordinator marks it, with a comment.
    await api(server.url, `/records/help_requests/${id}`, {
      method: 'PATCH',
      token: org.coordinator.session.token,
      body: { reviewState: 'has_issues', reviewComment: COMMENT },
    });

    // The phone syncs: a calm notice on Home, linking to the record and the comment.
    await pressSyncNow(page);
    await notice.waitFor({ timeout: 15_000 });
    await fitsWidth();
    await page.screenshot({ path: join(SHOTS, 'home-notice.png') });
    await notice.click();
    const attention = page.getByRole('region', exact('recent.attention'));
    await attention.waitFor({ timeout: 15_000 });
    await attention.getByText(COMMENT).waitFor();
    expect(await attention.getByText(msg('reviewState.has_issues'), { exact: true }).count()).toBe(1);
    await fitsWidth();
    await page.screenshot({ path: join(SHOTS, 'recent-attention.png'), fullPage: true });
    const violations = await axe(page);
    expect(violations, describeViolations('recent with issues', violations)).toEqual([]);

    // The volunteer corrects it with the same form, which shows the comment too.
    await attention.getByRole('link', exact('recent.correct')).click();
    await page.getByRole('heading', exact('help.editTitle')).waitFor();
    await page.getByText(COMMENT).waitFor();
    await page.screenshot({ path: join(SHOTS, 'edit-with-remark.png') });
    await page.getByRole('button', exact('outcome.partly')).click();
    await page.getByRole('button', exact('common.save')).click();
    await page.getByRole('heading', exact('recent.title')).waitFor();
    await expect.poll(() => attention.count(), { timeout: 15_000 }).toBe(0);

    // After the sync the server has it as new again (and partly solved); the notice is gone.
    await syncUntilEmpty(page);
    await expect.poll(async () => (await onServer(id)).reviewState, { timeout: 15_000 }).toBe('new');
    expect(await onServer(id)).toMatchObject({ outcome: 'partly', reviewComment: COMMENT });
    await gotoRoute(page, '#/');
    await pressSyncNow(page);
    expect(await notice.count()).toBe(0);
    expect(await page.locator('.notice-attention').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

// Printed so a person can look at the screenshots.
afterAll(() => console.info(`review feedback screenshots: ${SHOTS}`));
