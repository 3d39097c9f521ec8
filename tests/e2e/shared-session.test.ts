// Shared sessions (issue 14 part 4) end to end, in real Chromium against the real server and the
// production build: volunteer A opens a door-to-door round on one phone, volunteer B joins it
// on another phone with the code A's phone shows, both lose the network (the server is
// stopped) and count offline, B logs a help request; after sync both phones show the sum of
// both phones' counts, the coordinator's record view has the same totals and both volunteers,
// B's help request belongs to A's session, and B ends the session for everyone. The new screens
// (join panel, joined session, QR code) pass axe at 360 x 740 and 320 x 640 and do not scroll
// sideways at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MessageKey } from '../../src/shared/i18n/en';
import { axe, describeViolations } from './axe';
import {
  api,
  launchChromium,
  newPhone,
  recordErrors,
  seedOrg,
  TestServer,
  VOLUNTEER_PASSWORD,
  waitForServiceWorkerControl,
  type SeededOrg,
} from './harness';
import { exact, gotoRoute, msg, pressSyncNow, signIn, syncUntilEmpty } from './flows';

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
const phones: BrowserContext[] = [];
let a: Page;
let b: Page;
const errors: string[] = [];

const second = {
  email: `second-${Date.now()}@e2e.test`,
  name: 'Second Volunteer',
  password: VOLUNTEER_PASSWORD,
};

/** The value a counter shows (the session's total). */
const counterValue = (page: Page, id: string) =>
  page.locator(`section[aria-labelledby="${id}-label"] output`).textContent();

/** Taps "+1" of a counter `n` times, waiting after each tap until the total shows it. */
async function tap(page: Page, plus: MessageKey, id: string, n: number): Promise<void> {
  const start = Number(await counterValue(page, id));
  for (let i = 1; i <= n; i++) {
    await page.getByRole('button', exact(plus)).click();
    await expect.poll(() => counterValue(page, id)).toBe(String(start + i));
  }
}

/** Where the screens checked so far fail axe or scroll sideways at 320 px. */
const axeReport: string[] = [];
const wide: string[] = [];

/** Runs axe on the screen as it is at 360 px, then at 320 px (also: no sideways scroll). */
async function checkScreen(page: Page, screen: string): Promise<void> {
  for (const [width, height] of [
    [360, 740],
    [320, 640],
  ] as const) {
    await page.setViewportSize({ width, height });
    const violations = await axe(page);
    if (violations.length) axeReport.push(describeViolations(`${screen} at ${width}px`, violations));
    const scroll = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
    if (scroll > width) wide.push(`${screen}: ${scroll}px wide at ${width}px`);
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

async function openPhone(email: string, password: string): Promise<Page> {
  const context = await newPhone(browser, server.url, { bypassCSP: true }); // axe is an inline script
  phones.push(context);
  const page = await context.newPage();
  errors.push(...recordErrors(page));
  await page.goto('/');
  await signIn(page, email, password);
  await waitForServiceWorkerControl(page);
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
  await api(server.url, '/users', {
    token: org.coordinator.session.token,
    body: { ...second, role: 'volunteer' },
    expect: 201,
  });
}, 120_000);

afterAll(async () => {
  if (errors.length) console.info(`browser errors:\n${errors.join('\n')}`);
  await browser?.close();
  await server?.dispose();
});

describe('two phones in one session', () => {
  let permanenceId = '';

  it('joins a colleague’s session with the code its phone shows', async () => {
    a = await openPhone(org.volunteer.email, org.volunteer.password);
    await gotoRoute(a, '#/permanence');
    await a.getByRole('button', exact('permanenceKind.door_to_door')).click();
    await a.getByLabel(msg('permanence.place'), { exact: true }).selectOption({ label: org.locationName });
    await a.getByRole('button', exact('permanence.start')).click();
    const code = (await a.locator('.session-code strong').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    await syncUntilEmpty(a);
    const [opened] = await org.coordinator.records('permanences');
    permanenceId = String(opened?.id);
    expect(opened).toMatchObject({ kind: 'door_to_door', endedAt: null });

    b = await openPhone(second.email, second.password);
    await pressSyncNow(b);
    await gotoRoute(b, '#/permanence');
    // Today's open sessions of colleagues are listed too (A's, at its place).
    await expect
      .poll(() => b.getByRole('button', { name: msg('permanence.join', { what: '' }) }).allTextContents(), {
        timeout: 15_000,
      })
      .toEqual([expect.stringContaining(org.locationName)]);
    await b.getByLabel(msg('permanence.joinCode'), { exact: true }).fill('ZZZZZZ');
    await b.getByRole('button', exact('permanence.joinByCode')).click();
    await b.getByText(msg('permanence.codeNotFound'), { exact: true }).waitFor();
    await checkScreen(b, 'join panel with an unknown code');
    await b.getByLabel(msg('permanence.joinCode'), { exact: true }).fill(code.toLowerCase());
    await b.getByRole('button', exact('permanence.joinByCode')).click();
    await b.getByRole('heading', exact('permanence.sharedTitle')).waitFor();
    expect(await b.locator('.session-code strong').textContent()).toBe(code);
    // A door-to-door round counts doors, not at home and conversations.
    await b.getByRole('button', exact('permanence.plusDoor')).waitFor();
    expect(await b.getByRole('button', exact('permanence.plusVisitor')).count()).toBe(0);
    await checkScreen(b, 'joined session');
    await syncUntilEmpty(b);
    await pressSyncNow(a);
    await gotoRoute(a, '#/permanence');
    await expect
      .poll(() => a.getByText(msg('permanence.phones', { n: 2 }), { exact: true }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await a.getByRole('button', exact('permanence.showQr')).click();
    await a.locator('img.session-qr').waitFor();
    await checkScreen(a, 'own session with its QR code');
    if (axeReport.length) console.info(axeReport.join('\n'));
    expect(axeReport).toEqual([]);
    expect(wide).toEqual([]);
  });

  it('counts offline on both phones, and after sync both show the sum', async () => {
    await server.stop();
    for (const p of phones) await p.setOffline(true);

    await gotoRoute(a, '#/permanence');
    await tap(a, 'permanence.plusDoor', 'perm-doors', 5);
    await tap(a, 'permanence.plusNotHome', 'perm-not-home', 2);
    await tap(a, 'permanence.plusConversation', 'perm-conversations', 3);

    await gotoRoute(b, '#/permanence');
    await tap(b, 'permanence.plusDoor', 'perm-doors', 5);
    // -1 takes back this phone's own wrong tap.
    await b.getByRole('button', exact('permanence.minusDoor')).click();
    await expect.poll(() => counterValue(b, 'perm-doors')).toBe('4');
    await tap(b, 'permanence.plusNotHome', 'perm-not-home', 1);
    await tap(b, 'permanence.plusConversation', 'perm-conversations', 2);
    // A help request logged on the joined phone belongs to the session (saving it goes back there).
    await gotoRoute(b, '#/help/new');
    await b.getByRole('button', exact('topic.itsme')).click();
    await b.getByRole('button', exact('outcome.solved')).click();
    await b.getByRole('button', exact('common.save')).click();
    await b.getByText(msg('permanence.helpCount', { n: 1 }), { exact: true }).waitFor();

    // Offline each phone knows only its own part.
    await gotoRoute(a, '#/permanence');
    expect(await counterValue(a, 'perm-doors')).toBe('5');
    await gotoRoute(b, '#/permanence');
    expect(await counterValue(b, 'perm-doors')).toBe('4');

    for (const p of phones) await p.setOffline(false);
    await server.start();
    await syncUntilEmpty(a);
    await syncUntilEmpty(b);

    const totals = { 'perm-doors': '9', 'perm-not-home': '3', 'perm-conversations': '5' };
    for (const page of [a, b]) {
      await expect
        .poll(
          async () => {
            await pressSyncNow(page);
            await gotoRoute(page, '#/permanence');
            return Object.fromEntries(
              await Promise.all(Object.keys(totals).map(async (id) => [id, await counterValue(page, id)])),
            );
          },
          { timeout: 60_000, interval: 500 },
        )
        .toEqual(totals);
    }

    const detail = await api<{
      record: Record<string, unknown>;
      session: { totals: Record<string, number>; members: Array<{ userId: string | null }> };
      names: { users: Record<string, string> };
    }>(server.url, `/records/permanences/${permanenceId}`, { token: org.coordinator.session.token });
    expect(detail.session.totals).toMatchObject({ doorCount: 9, notHomeCount: 3, conversationCount: 5 });
    expect(detail.record).toMatchObject({ doorCount: 5, notHomeCount: 2, conversationCount: 3 });
    expect(detail.session.members).toHaveLength(1);
    const member = detail.session.members[0]!;
    expect(member).toMatchObject({ doorCount: 4, notHomeCount: 1, conversationCount: 2 });
    expect(detail.names.users[member.userId ?? '']).toBe(second.name);

    const help = await org.coordinator.records('help_requests');
    expect(help).toHaveLength(1);
    expect(help[0]).toMatchObject({ permanenceId, channel: 'permanence' });
  });

  it('ends the session for everyone from the joined phone', async () => {
    await gotoRoute(b, '#/permanence');
    await b.getByRole('button', exact('permanence.endForAll')).click();
    await b.getByText(msg('permanence.noneOpen'), { exact: true }).waitFor();
    await syncUntilEmpty(b);
    await expect
      .poll(async () => (await org.coordinator.records('permanences'))[0]?.endedAt, { timeout: 15_000 })
      .toBeTruthy();
    await expect
      .poll(
        async () => {
          await pressSyncNow(a);
          await gotoRoute(a, '#/permanence');
          return a.getByText(msg('permanence.noneOpen'), { exact: true }).count();
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(1);
    // The counts stay as they were.
    const detail = await api<{ session: { totals: Record<string, number> } }>(
      server.url,
      `/records/permanences/${permanenceId}`,
      { token: org.coordinator.session.token },
    );
    expect(detail.session.totals).toMatchObject({ doorCount: 9, notHomeCount: 3, conversationCount: 5 });
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
