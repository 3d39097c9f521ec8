// Screenshots of the shared-session phone screens (join list, joined session, QR code) in nl
// and fr at 360 x 740 and 320 x 640, to look at: npx tsx tests/screenshots/shared-session-shots.ts [out-dir]
import type { Page } from 'playwright-core';
import { api, launchChromium, newPhone, seedOrg, TestServer, VOLUNTEER_PASSWORD } from '../e2e/harness';
import { exact, gotoRoute, msg, pressSyncNow, signIn } from '../e2e/flows';

/** Presses "Sync now" until the outbox is empty (flows.ts's syncUntilEmpty needs vitest). */
async function syncUntilEmpty(page: Page): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await pressSyncNow(page);
    // A string, not a function: tsx's helpers do not exist in the page.
    const left = await page.evaluate(`new Promise((done) => {
      const open = indexedDB.open('digitafel');
      open.onsuccess = () => {
        const count = open.result.transaction('outbox').objectStore('outbox').count();
        count.onsuccess = () => done(count.result);
      };
    })`);
    if (left === 0) return;
  }
  throw new Error('outbox never emptied');
}

const out = process.argv[2] ?? '/tmp/shared-session-shots';

async function inLanguage(
  page: Page,
  lang: string,
  name: string,
  prepare?: () => Promise<void>,
): Promise<void> {
  await page.evaluate(`window.location.hash = '#/settings'`);
  await page.locator(`button.chip[lang="${lang}"]`).click();
  await page.evaluate(`window.location.hash = '#/permanence'`);
  await page.locator('.counter, .join-session').first().waitFor();
  await page.waitForFunction(`!document.querySelector('.loading')`);
  await prepare?.();
  for (const [w, h] of [
    [360, 740],
    [320, 640],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${out}/${name}-${lang}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(`window.location.hash = '#/settings'`);
  await page.locator('button.chip[lang="en"]').click();
}

const server = await TestServer.launch();
const browser = await launchChromium();
try {
  const org = await seedOrg(server.url);
  const second = { email: `shots-${Date.now()}@e2e.test`, name: 'Sam', password: VOLUNTEER_PASSWORD };
  await api(server.url, '/users', {
    token: org.coordinator.session.token,
    body: { ...second, role: 'volunteer' },
    expect: 201,
  });
  const a = await (await newPhone(browser, server.url)).newPage();
  await a.goto('/');
  await signIn(a, org.volunteer.email, org.volunteer.password);
  await gotoRoute(a, '#/permanence');
  await a.getByRole('button', exact('permanenceKind.door_to_door')).click();
  await a.getByLabel(msg('permanence.place'), { exact: true }).selectOption({ label: org.locationName });
  await a.getByRole('button', exact('permanence.start')).click();
  const code = (await a.locator('.session-code strong').textContent()) ?? '';
  await syncUntilEmpty(a);
  const b = await (await newPhone(browser, server.url)).newPage();
  await b.goto('/');
  await signIn(b, second.email, second.password);
  await pressSyncNow(b);
  for (const lang of ['nl', 'fr']) await inLanguage(b, lang, 'join-list');
  await gotoRoute(b, '#/permanence');
  await b.getByLabel(msg('permanence.joinCode'), { exact: true }).fill(code);
  await b.getByRole('button', exact('permanence.joinByCode')).click();
  await b.getByRole('button', exact('permanence.plusDoor')).click();
  await syncUntilEmpty(b);
  for (const lang of ['nl', 'fr']) await inLanguage(b, lang, 'joined');
  await pressSyncNow(a);
  await gotoRoute(a, '#/permanence');
  const showQr = async () => {
    await a.locator('.shared-session button').click();
    await a.locator('img.session-qr').waitFor();
  };
  for (const lang of ['nl', 'fr']) await inLanguage(a, lang, 'own-qr', showQr);
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.dispose();
}
