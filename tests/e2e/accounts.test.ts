// The phone's account screens in Chromium at 360 x 740 against the real server (issue 11): an
// enrolment link shows the organisation and asks first; a reset link lets an enrolled volunteer
// (no password) choose one and get back in; Settings changes a password; signing out with
// nothing waiting leaves no records on the phone. axe-core finds no violation on any of them,
// and none scrolls sideways at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, countStore, launchChromium, newPhone, seedOrg, TestServer, type SeededOrg } from './harness';
import { axe, describeViolations } from './axe';
import { gotoRoute, msg, signIn, syncUntilEmpty } from './flows';

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
const NEW_PASSWORD = 'zeilboot kapstok lindeboom';

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function phonePage(): Promise<Page> {
  const context = await newPhone(browser, server.url, { bypassCSP: true });
  return context.newPage();
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, describeViolations(screen, violations)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${screen} scrolls sideways at 320 px`).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 360, height: 740 });
}

describe('account screens on a phone', () => {
  it('enrols only after showing whose code it is; a reset link brings the volunteer back', async () => {
    const token = org.coordinator.session.token;
    const made = await api<{ url: string }>(server.url, '/enrolment-codes', {
      token,
      body: { name: 'Amal Benali', role: 'volunteer' },
      expect: 201,
    });
    const page = await phonePage();
    await page.goto(made.url);
    const orgName = (await api<{ org: { name: string } }>(server.url, '/me', { token })).org.name;
    await page.getByText(msg('enrol.question', { org: orgName, name: 'Amal Benali' })).waitFor();
    await expectAccessible(page, 'enrolment question');
    await page.getByRole('button', { name: msg('enrol.join') }).click();
    await page.getByRole('button', { name: msg('home.newHelp') }).waitFor();

    // The volunteer signs out (nothing waiting): the phone keeps nothing of the organisation.
    await expect.poll(() => countStore(page, 'equipment'), { timeout: 30_000 }).toBeGreaterThan(0);
    await syncUntilEmpty(page);
    await gotoRoute(page, '#/settings');
    await page.getByText(msg('settings.signOutClears')).waitFor();
    await page.getByRole('button', { name: msg('settings.signOut') }).click();
    await page.getByRole('button', { name: msg('signin.submit') }).waitFor();
    for (const store of ['equipment', 'locations', 'help_requests']) {
      await expect.poll(() => countStore(page, store)).toBe(0);
    }

    // Without a password, they get back in with a reset link from their coordinator.
    const users = await api<{ users: Array<{ id: string; name: string }> }>(server.url, '/users', { token });
    const amal = users.users.find((u) => u.name === 'Amal Benali')!;
    const reset = await api<{ url: string }>(server.url, `/users/${amal.id}/reset-codes`, {
      token,
      body: {},
      expect: 201,
    });
    await page.goto(reset.url);
    await page.getByText(msg('reset.for', { name: 'Amal Benali', org: orgName })).waitFor();
    await expectAccessible(page, 'reset');
    const field = page.getByLabel(msg('password.new'));
    await field.fill('amal benali 2026');
    await page.getByRole('button', { name: msg('reset.submit') }).click();
    await page.getByText(msg('password.reason.personal'), { exact: false }).waitFor();
    await expectAccessible(page, 'reset with a refused password');
    await field.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: msg('reset.submit') }).click();
    await page.getByRole('button', { name: msg('home.newHelp') }).waitFor();
    await page.context().close();
  });

  it('changes a password in Settings', async () => {
    const page = await phonePage();
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await gotoRoute(page, '#/settings');
    await page.getByLabel(msg('password.current')).fill(org.volunteer.password);
    await page.getByLabel(msg('password.new')).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: msg('password.submit') }).click();
    await page.getByText(msg('password.changed')).waitFor();
    await expectAccessible(page, 'settings after a password change');
    await page.context().close();
  });
});
