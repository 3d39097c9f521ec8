// Screenshots of every workspace screen at laptop sizes, over a seeded month of field work:
//   npx vite build && npx tsx tests/e2e/screenshots.ts [out-dir] [en|nl|fr] [screen,screen...]
// writes <out-dir>/<screen>-<width>x<height>.png (default out-dir: /tmp/digitafel-shots).
// Runs the real server on a fresh SQLite file, like the e2e tests.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { COORDINATOR_PASSWORD, launchChromium, TestServer } from './harness';
import { gotoReview, gotoRoute, readWorkspaceIn, signIn } from './flows';
import { seedWorkspace } from './workspace-data';
import { WORKSPACE_SCREENS } from './workspace-screens';

export const LAPTOP_SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const LANGUAGE_NAMES: Record<string, string> = { nl: 'Nederlands', fr: 'Français' };
const out = process.argv[2] ?? '/tmp/digitafel-shots';
const lang = process.argv[3] ?? 'en';
if (lang !== 'en' && lang !== 'nl' && lang !== 'fr') throw new Error(`language ${lang}: en, nl or fr`);
const only = process.argv[4]?.split(',');
const screens = WORKSPACE_SCREENS.filter((s) => !only || only.includes(s.name));
mkdirSync(out, { recursive: true });
const server = await TestServer.launch();
const browser = await launchChromium();
try {
  const data = await seedWorkspace(server.url);
  for (const size of LAPTOP_SIZES) {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: size,
      locale: 'en-GB',
      timezoneId: 'Europe/Brussels',
    });
    const page = await context.newPage();
    await page.goto('/');
    await signIn(page, data.coordinator.session.user.email, COORDINATOR_PASSWORD);
    if (lang !== 'en') {
      await gotoRoute(page, '#/settings');
      await page.getByRole('button', { name: LANGUAGE_NAMES[lang] ?? lang, exact: true }).click();
    }
    readWorkspaceIn(lang);
    for (const screen of screens) {
      await gotoReview(page, screen.path(data));
      await screen.prepare?.(page, data);
      const file = join(out, `${screen.name}-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.info(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.dispose();
}
