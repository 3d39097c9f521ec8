// Walks every coordinator workspace screen (workspace-screens.ts) at 1280x800 and 1920x1080 over
// a seeded month of field work: the page never scrolls sideways, the content column is at least
// 800 px wide at 1280 and 1,100 px at 1920 (issue 10: the workspace used to sit in the phone's
// 40rem column), and axe-core finds no WCAG 2.x A/AA violation (2.2 included). Every problem of
// every screen is collected, so one run says everything that is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PAGES } from '../../src/app/workspace/Nav';
import { axe, describeViolations } from './axe';
import { gotoReview, signIn } from './flows';
import { COORDINATOR_PASSWORD, launchChromium, recordErrors, TestServer } from './harness';
import { seedWorkspace, type WorkspaceData } from './workspace-data';
import { WORKSPACE_SCREENS } from './workspace-screens';

const SIZES = [
  { width: 1280, height: 800, minContent: 800 },
  { width: 1920, height: 1080, minContent: 1100 },
] as const;

let server: TestServer;
let browser: Browser;
let data: WorkspaceData;

beforeAll(async () => {
  server = await TestServer.launch();
  browser = await launchChromium();
  data = await seedWorkspace(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** How wide the page scrolls and how wide the content column is (inside its padding). */
function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const main = document.querySelector('main.review-main');
    const style = main ? getComputedStyle(main) : undefined;
    const content = main
      ? main.clientWidth - parseFloat(style?.paddingLeft ?? '0') - parseFloat(style?.paddingRight ?? '0')
      : 0;
    return { scrollWidth: root.scrollWidth, viewport: root.clientWidth, content };
  });
}

describe('every workspace screen on a laptop', () => {
  it('lists every page of the workspace menu', () => {
    const listed = new Set(WORKSPACE_SCREENS.map((s) => s.path(data).split('/')[0]));
    expect(PAGES.filter((p) => !listed.has(p))).toEqual([]);
  });

  for (const size of SIZES) {
    it(`at ${size.width}x${size.height}: no sideways scroll, content >= ${size.minContent} px, no axe violation`, async () => {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: size.width, height: size.height },
        locale: 'en-GB',
        timezoneId: 'Europe/Brussels',
        bypassCSP: true, // axe-core is injected as an inline script
      });
      const page = await context.newPage();
      const errors = recordErrors(page);
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
      await page.goto('/');
      await signIn(page, data.coordinator.session.user.email, COORDINATOR_PASSWORD);
      const problems: string[] = [];
      for (const screen of WORKSPACE_SCREENS) {
        await gotoReview(page, screen.path(data));
        await screen.prepare?.(page, data);
        const m = await measure(page);
        if (m.scrollWidth > m.viewport)
          problems.push(
            `${screen.name}: scrolls sideways (${m.scrollWidth} px in a ${m.viewport} px window)`,
          );
        if (m.content < size.minContent)
          problems.push(`${screen.name}: content is ${m.content} px wide, less than ${size.minContent} px`);
        const violations = await axe(page);
        if (violations.length) problems.push(describeViolations(screen.name, violations));
      }
      await context.close();
      expect(problems, problems.join('\n')).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
