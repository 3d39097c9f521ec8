// The workspace screenshots shown in README.md (docs/screenshots/): the inbox, the equipment
// list and the dashboard of a coordinator on a laptop (1280x800, English), over a seeded month
// of field work (tests/e2e/workspace-data.ts).
//   npx vite build && npx tsx tests/screenshots/readme.ts [out-dir]
// Runs the real server on a fresh SQLite file, like the e2e tests; default out-dir
// docs/screenshots. The files sit outside public/, so the build never copies or precaches them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { COORDINATOR_PASSWORD, launchChromium, TestServer } from '../e2e/harness';
import { gotoReview, signIn } from '../e2e/flows';
import { seedWorkspace } from '../e2e/workspace-data';

const SCREENS = ['inbox', 'equipment', 'dashboard'] as const;

const out = process.argv[2] ?? join(import.meta.dirname, '../../docs/screenshots');
mkdirSync(out, { recursive: true });
const server = await TestServer.launch();
const browser = await launchChromium();
try {
  // A busy month of a project with the names a reader could meet, not a test's random ones.
  const data = await seedWorkspace(server.url, 60, 'Noord');
  const laptop = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
  });
  const page = await laptop.newPage();
  await page.goto('/');
  await signIn(page, data.coordinator.session.user.email, COORDINATOR_PASSWORD);
  for (const screen of SCREENS) {
    await gotoReview(page, screen);
    // The inbox with the keyboard on its second row (j j), as a coordinator reviewing would have it.
    if (screen === 'inbox') for (const key of ['j', 'j']) await page.keyboard.press(key);
    // What a coordinator sees on opening the page: the window, not the whole scrolled page.
    await page.screenshot({ path: join(out, `${screen}.png`) });
  }
  await laptop.close();
  console.info(`wrote ${SCREENS.map((s) => `${s}.png`).join(', ')} to ${out}`);
} finally {
  await browser.close();
  await server.dispose();
}
