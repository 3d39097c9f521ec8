// The screenshots of the web app manifest (public/screenshots/, listed in vite.config.ts), which
// an install dialog shows: Home and the help form on a phone (360x740 at 2x, "narrow") and the
// coordinator dashboard on a laptop (1280x800, "wide"), over a seeded month of field work.
//   npx vite build && npx tsx tests/screenshots/manifest.ts [out-dir]
// Runs the real server on a fresh SQLite file, like the e2e tests; default out-dir public/screenshots.
// Re-run it when those screens change, then rebuild; tests/dist/manifest.test.ts checks the files.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  api,
  COORDINATOR_PASSWORD,
  countStore,
  launchChromium,
  TestServer,
  VOLUNTEER_PASSWORD,
  waitForServiceWorkerControl,
} from '../e2e/harness';
import { gotoReview, gotoRoute, msg, pressSyncNow, recordHelpRequest, signIn } from '../e2e/flows';
import { seedWorkspace } from '../e2e/workspace-data';

/** Presses "Sync now" until the outbox is empty (flows.ts's syncUntilEmpty needs the test runner). */
async function sendEverything(page: Page): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await countStore(page, 'outbox')) > 0) {
    if (Date.now() > deadline) throw new Error('the phone did not send its records within 2 minutes');
    await pressSyncNow(page);
  }
}

const out = process.argv[2] ?? join(import.meta.dirname, '../../public/screenshots');
mkdirSync(out, { recursive: true });
const server = await TestServer.launch();
const browser = await launchChromium();
try {
  // Names a person installing the app could meet, not a test's random ones.
  const data = await seedWorkspace(server.url, 24, 'Noord');
  const volunteer = {
    email: 'lotte.peeters@example.org',
    name: 'Lotte Peeters',
    password: VOLUNTEER_PASSWORD,
  };
  await api(server.url, '/users', {
    token: data.coordinator.session.token,
    body: { ...volunteer, role: 'volunteer' },
    expect: 201,
  });

  const phone = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
  });
  // tsx names inner functions with a `__name` helper; the functions countStore sends to the page need it.
  await phone.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await phone.newPage();
  await page.goto('/');
  await signIn(page, volunteer.email, volunteer.password);
  await waitForServiceWorkerControl(page);
  // A morning at the stand so far: Home counts today's help requests, all of them sent.
  for (let i = 0; i < 3; i++) await recordHelpRequest(page);
  await sendEverything(page);
  await gotoRoute(page, '#/');
  await page.screenshot({ path: join(out, 'home-narrow.png') });
  await gotoRoute(page, '#/help/new');
  await page.getByRole('button', { name: msg('topic.itsme'), exact: true }).click();
  await page.getByRole('button', { name: msg('outcome.solved'), exact: true }).click();
  await page.getByRole('button', { name: msg('didIt.yes'), exact: true }).click();
  await page.screenshot({ path: join(out, 'help-narrow.png') });
  // The draft this left behind is of no use to anyone.
  await phone.close();

  const laptop = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
  });
  const desk = await laptop.newPage();
  await desk.goto('/');
  await signIn(desk, data.coordinator.session.user.email, COORDINATOR_PASSWORD);
  await gotoReview(desk, 'dashboard');
  await desk.screenshot({ path: join(out, 'dashboard-wide.png') });
  await laptop.close();
  console.info(`wrote home-narrow.png, help-narrow.png, dashboard-wide.png to ${out}`);
} finally {
  await browser.close();
  await server.dispose();
}
