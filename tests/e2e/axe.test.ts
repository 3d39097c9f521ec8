// Accessibility of every volunteer screen, checked by axe-core in Chromium at a small phone's
// size (360 x 740): WCAG 2.x A/AA rules (2.2 included), zero violations allowed. Violations are
// printed with their targets so a failure says what to fix. Then the same screens (and the
// loan, permanence-edit and detailed help-form states) at 320 px: none may scroll sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  countStore,
  launchChromium,
  newPhone,
  seedOrg,
  TestServer,
  waitForServiceWorkerControl,
} from './harness';
import { axe, describeViolations } from './axe';
import { exact, gotoRoute, lendByAssetTag, msg, signIn, VOLUNTEER_ROUTES } from './flows';

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
/** The organisation the signed-in volunteer belongs to (seeded by the second test). */
let org: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  phone = await newPhone(browser, server.url, { bypassCSP: true });
  page = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('axe-core on the volunteer screens at 360 x 740', () => {
  it('finds no violation on the sign-in screen', async () => {
    await gotoRoute(page, '#/signin');
    const violations = await axe(page);
    if (violations.length) console.info(describeViolations('sign-in', violations));
    expect(violations).toEqual([]);
  });

  it('finds no violation on home, help form, permanence, loans, recent and settings', async () => {
    org = await seedOrg(server.url);
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await waitForServiceWorkerControl(page);
    await expect.poll(() => countStore(page, 'equipment'), { timeout: 30_000 }).toBeGreaterThan(0);
    const report: string[] = [];
    const check = async (screen: string) => {
      const violations = await axe(page);
      if (violations.length) report.push(describeViolations(screen, violations));
    };
    for (const route of VOLUNTEER_ROUTES.filter((r) => r !== '#/signin')) {
      await gotoRoute(page, route);
      await check(route);
    }
    // The states a volunteer spends most time in: an open permanence and the lend form.
    await gotoRoute(page, '#/permanence');
    await page.getByRole('button', { name: msg('permanence.start'), exact: true }).click();
    await page.getByRole('button', { name: msg('permanence.plusVisitor'), exact: true }).click();
    await check('permanence (open)');
    await gotoRoute(page, '#/loans');
    await page.getByLabel(msg('loans.assetTag'), { exact: true }).fill(org.laptop.assetTag);
    await page.getByRole('button', { name: msg('loans.find'), exact: true }).click();
    await page.getByLabel(msg('loans.borrowerCode'), { exact: true }).waitFor();
    await check('lend form');
    if (report.length) console.info(report.join('\n'));
    expect(report).toEqual([]);
  });
});

describe('at 320 px wide (the smallest phones)', () => {
  // Runs after the test above: signed in, a permanence open, the laptop's lend form on screen.
  it('no volunteer screen scrolls sideways, and the edit screens pass axe', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const wide: string[] = [];
    const report: string[] = [];
    const check = async (screen: string) => {
      const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
      if (width > 320) wide.push(`${screen}: ${width}px`);
      const violations = await axe(page);
      if (violations.length) report.push(describeViolations(screen, violations));
    };
    for (const route of VOLUNTEER_ROUTES.filter((r) => r !== '#/signin')) {
      await gotoRoute(page, route);
      await check(route);
    }
    await gotoRoute(page, '#/help/new');
    await page.getByText(msg('help.optional'), { exact: true }).click();
    await page.getByLabel(msg('help.visitorCode'), { exact: true }).waitFor();
    await check('help form with details');
    await lendByAssetTag(page, org.laptop.assetTag, 'B-320');
    await check('loans with an open loan');
    await page.getByRole('link', { name: new RegExp(org.laptop.assetTag) }).click();
    await page.getByRole('heading', exact('loans.loanTitle')).waitFor();
    await check('loan page');
    await gotoRoute(page, '#/recent');
    await check('recent with records');
    await page.getByRole('region', exact('recent.permanences')).getByRole('link').first().click();
    await page.getByRole('heading', exact('permanence.editTitle')).waitFor();
    await check('permanence edit');
    if (report.length) console.info(report.join('\n'));
    expect(wide).toEqual([]);
    expect(report).toEqual([]);
  });

  it('shows where the keyboard focus is on every control of Home', async () => {
    await gotoRoute(page, '#/');
    const unseen: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          name: `${el.tagName} ${el.textContent?.trim()}`,
          outline: style.outlineStyle,
          width: style.outlineWidth,
        };
      });
      if (!focus) continue;
      seen.add(focus.name);
      if (focus.outline === 'none' || parseFloat(focus.width) < 2) unseen.push(focus.name);
    }
    expect(seen.size).toBeGreaterThanOrEqual(6); // the actions, Sync now and the links
    expect(unseen).toEqual([]);
  });
});
