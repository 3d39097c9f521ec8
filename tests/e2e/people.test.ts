// The People page of the coordinator workspace in Chromium at 1280 x 800 against the real server
// (issue 10 item 5, issue 11 finding 1): a coordinator adds a volunteer (an enrolment code as QR
// and link, listed as pending, withdrawn), adds a colleague coordinator who chooses a password
// with the link and lands in the workspace, disables a volunteer (their phone is signed out at
// once) and enables them again, makes a password link, changes their own password; the security
// log tells it in words. No id or JSON on screen, axe-core finds no violation, nothing scrolls
// sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
  COORDINATOR_PASSWORD,
  launchChromium,
  newLaptop,
  seedOrg,
  TestServer,
  type SeededOrg,
} from './harness';
import { axe, describeViolations } from './axe';
import { cmsg, gotoReview, msg, signIn } from './flows';

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
let laptop: BrowserContext;
let desk: Page;
const NEW_PASSWORD = 'zeilboot kapstok lindeboom';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
  laptop = await newLaptop(browser, server.url);
  desk = await laptop.newPage();
  await desk.setViewportSize({ width: 1280, height: 800 });
  await desk.goto('/');
  await signIn(desk, org.coordinator.session.user.email, COORDINATOR_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Asserts the page as a coordinator sees it: no ids or JSON, axe clean, no sideways scroll. */
async function expectReadable(page: Page, screen: string): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text, `${screen} shows an id`).not.toMatch(UUID);
  expect(text, `${screen} shows JSON`).not.toMatch(/[{}]|"\w+":/);
  const violations = await axe(page);
  expect(violations, describeViolations(screen, violations)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
}

const peopleRow = (name: string) =>
  desk
    .getByRole('table', { name: cmsg('people.users'), exact: true })
    .getByRole('row')
    .filter({ hasText: name });

describe('People in the coordinator workspace', () => {
  it('adds a volunteer with an enrolment code to share, lists it as pending and withdraws it', async () => {
    await gotoReview(desk, 'people');
    await expectReadable(desk, 'people');
    await desk.getByLabel(cmsg('people.name'), { exact: true }).fill('Yusuf Amrani');
    await desk.getByRole('button', { name: cmsg('people.addSubmit'), exact: true }).click();
    await desk
      .getByRole('heading', { name: cmsg('people.shareEnrolTitle', { name: 'Yusuf Amrani' }) })
      .waitFor();
    await desk.getByRole('figure').getByRole('img').waitFor();
    const link = await desk.getByLabel(cmsg('people.shareLink'), { exact: true }).inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/enrol\/[A-Za-z0-9_-]{22}$/);
    await expectReadable(desk, 'people with an enrolment code');

    const pending = desk
      .getByRole('table', { name: cmsg('people.pending'), exact: true })
      .getByRole('row')
      .filter({ hasText: 'Yusuf Amrani' });
    await pending.waitFor();
    desk.once('dialog', (d) => void d.accept());
    await pending.getByRole('button', { name: new RegExp(`^${cmsg('people.withdraw')}`) }).click();
    await desk.getByText(cmsg('people.withdrawn', { name: 'Yusuf Amrani' })).waitFor();
    await expect.poll(() => pending.count()).toBe(0);
    const code = link.split('/').at(-1)!;
    const check = await fetch(`${server.url}/api/v1/auth/enrol/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(check.status).toBe(401);
  });

  it('adds a colleague coordinator, who chooses a password with the link and lands in the workspace', async () => {
    const email = `colleague-${Date.now()}@e2e.test`;
    await desk.getByLabel(cmsg('people.name'), { exact: true }).fill('Lotte Janssens');
    await desk.getByLabel(cmsg('people.role'), { exact: true }).selectOption('coordinator');
    await desk.getByLabel(cmsg('people.addEmail'), { exact: true }).fill(email);
    await desk.getByRole('button', { name: cmsg('people.addSubmit'), exact: true }).click();
    await desk
      .getByRole('heading', { name: cmsg('people.shareResetTitle', { name: 'Lotte Janssens' }) })
      .waitFor();
    const link = await desk.getByLabel(cmsg('people.shareLink'), { exact: true }).inputValue();
    expect(link).toMatch(/\/#\/reset\/[A-Za-z0-9_-]{22}$/);
    await expectReadable(desk, 'people with a password link');
    await peopleRow('Lotte Janssens').waitFor();

    const hers = await newLaptop(browser, server.url);
    const page = await hers.newPage();
    await page.goto(link);
    await page.getByLabel(msg('password.new')).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: msg('reset.submit') }).click();
    await page.getByRole('heading', { level: 1, name: cmsg('nav.inbox'), exact: true }).waitFor();
    await hers.close();
    const session = await api<{ user: { role: string } }>(server.url, '/auth/login', {
      body: { email, password: NEW_PASSWORD },
    });
    expect(session.user.role).toBe('coordinator');
  });

  it('disables a volunteer (their phone is signed out at once) and enables them again', async () => {
    const phone = await api<{ token: string }>(server.url, '/auth/login', {
      body: { email: org.volunteer.email, password: org.volunteer.password },
    });
    await gotoReview(desk, 'people');
    const row = peopleRow(org.volunteer.name);
    desk.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: new RegExp(`^${cmsg('people.disable')}`) }).click();
    await desk.getByText(cmsg('people.disabled', { name: org.volunteer.name })).waitFor();
    await expect.poll(() => row.textContent()).toContain(cmsg('people.disabledSince', { date: '' }).trim());
    const me = await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${phone.token}` },
    });
    expect(me.status).toBe(401);
    expect((await me.json()).error.code).toBe('account_disabled');
    await expectReadable(desk, 'people with a disabled volunteer');

    await row.getByRole('button', { name: new RegExp(`^${cmsg('people.enable')}`) }).click();
    await desk.getByText(cmsg('people.enabled', { name: org.volunteer.name })).waitFor();
    await api(server.url, '/auth/login', {
      body: { email: org.volunteer.email, password: org.volunteer.password },
    });
  });

  it('makes a password link for a volunteer and changes the coordinator’s own password', async () => {
    await peopleRow(org.volunteer.name)
      .getByRole('button', { name: new RegExp(`^${cmsg('people.resetLink')}`) })
      .click();
    await desk
      .getByRole('heading', { name: cmsg('people.shareResetTitle', { name: org.volunteer.name }) })
      .waitFor();
    await desk.getByRole('button', { name: cmsg('people.shareClose'), exact: true }).click();

    await desk.getByLabel(cmsg('people.currentPassword'), { exact: true }).fill('not my password');
    await desk.getByLabel(cmsg('people.newPassword'), { exact: true }).fill(NEW_PASSWORD);
    await desk.getByRole('button', { name: cmsg('people.changePassword'), exact: true }).click();
    await desk.getByText(cmsg('people.wrongPassword')).waitFor();
    await desk.getByLabel(cmsg('people.currentPassword'), { exact: true }).fill(COORDINATOR_PASSWORD);
    await desk.getByLabel(cmsg('people.newPassword'), { exact: true }).fill('aaaaaaaaaaaaaa');
    await desk.getByRole('button', { name: cmsg('people.changePassword'), exact: true }).click();
    await desk.getByText(msg('password.reason.pattern'), { exact: false }).waitFor();
    await expectReadable(desk, 'people with a refused password');
    await desk.getByLabel(cmsg('people.newPassword'), { exact: true }).fill(NEW_PASSWORD);
    await desk.getByRole('button', { name: cmsg('people.changePassword'), exact: true }).click();
    await desk.getByText(cmsg('people.passwordChanged')).waitFor();
  });

  it('tells the security log in words', async () => {
    await desk.getByRole('link', { name: cmsg('people.logLink'), exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: cmsg('people.log'), exact: true }).waitFor();
    const table = desk.getByRole('table', { name: cmsg('people.log'), exact: true });
    const disabled = table.getByRole('row').filter({ hasText: cmsg('people.log.user_disabled') });
    await disabled.first().waitFor();
    expect(await disabled.first().textContent()).toContain(org.volunteer.name);
    expect(await table.textContent()).toContain(cmsg('people.log.password_changed'));
    expect(await table.textContent()).toContain(cmsg('people.log.password_reset'));
    await expectReadable(desk, 'security log');
  });
});
