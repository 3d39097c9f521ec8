// Signing in on a phone that still holds someone else's unsent records, against the real server
// (the app's same-origin requests are sent on to it): the phone explains what it holds and lets
// a volunteer of the same organisation send them under their own name, or cancel, which
// withdraws the new sign-in on the server and leaves the phone as it was.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { openDb, saveHelpRequest, type DigitafelDb } from '../../src/local';
import { setLanguage } from '../../src/shared/i18n';
import { en } from '../../src/shared/i18n/en';
import { getSession, setSession, clearSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { api, login, startTestServer, TEST_PASSWORD, type TestServer } from '../server/helpers';
import { renderApp } from './helpers';

let server: TestServer;
const samira = { email: `samira-${randomUUID()}@example.org`, name: 'Samira' };
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startTestServer();
  const res = await api(server.app, server.coordinator.token, 'POST', '/users', {
    ...samira,
    password: TEST_PASSWORD,
    role: 'volunteer',
  });
  expect(res.statusCode).toBe(201);
});
afterAll(() => server?.close());
afterEach(() => vi.unstubAllGlobals());

/** A phone where Vera saved two help requests offline and then signed out. */
async function phoneLeftByVera(): Promise<DigitafelDb> {
  const db = openDb(`handover-${randomUUID()}`);
  await setSession(await login(server.app, server.volunteer.user.email));
  for (let i = 0; i < 2; i++)
    await saveHelpRequest({
      occurredAt: new Date().toISOString(),
      channel: 'street_stand',
      topics: ['email'],
      outcome: 'solved',
    });
  await clearSession();
  await refreshSession();
  await setLanguage('en');
  // The app calls its own origin; here that is the test server.
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(new URL(String(input), server.url), init),
  );
  return db;
}

async function signInAsSamira() {
  renderApp('#/');
  fireEvent.input(await screen.findByLabelText('Email'), { target: { value: samira.email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: TEST_PASSWORD } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  return screen.findByRole('alertdialog', { name: en['handover.title'] }, { timeout: 10_000 });
}

describe('signing in on a phone with someone else’s unsent records', () => {
  it('says whose records they are and sends them under the new name when asked', async () => {
    const db = await phoneLeftByVera();
    const dialog = await signInAsSamira();
    expect(dialog.textContent).toContain(
      en['handover.sameOrg_other'].replace('{n}', '2').replaceAll('{name}', 'Vera'),
    );
    expect(await getSession()).toBeUndefined();

    fireEvent.click(within(dialog).getByRole('button', { name: en['handover.adopt'] }));
    expect(await screen.findByRole('button', { name: 'New help request' }, { timeout: 10_000 })).toBeTruthy();
    expect((await getSession())?.user.name).toBe('Samira');
    expect(await db.help_requests.count()).toBe(2);
  });

  it('withdraws the new sign-in on Cancel and leaves the phone as it was', async () => {
    const db = await phoneLeftByVera();
    const dialog = await signInAsSamira();
    fireEvent.click(within(dialog).getByRole('button', { name: en['common.cancel'] }));
    expect(await screen.findByRole('button', { name: 'Sign in' }, { timeout: 10_000 })).toBeTruthy();
    expect(await getSession()).toBeUndefined();
    expect(await db.outbox.count()).toBe(2);

    const devices = await api(server.app, server.coordinator.token, 'GET', '/devices');
    const samiras = devices
      .json<{ devices: Array<{ userId: string; revokedAt: string | null }> }>()
      .devices.filter((d) => d.userId !== server.volunteer.user.id && d.userId !== server.coordinator.user.id)
      .filter((d) => d.userId !== server.admin.user.id);
    expect(samiras.length).toBeGreaterThanOrEqual(2);
    // The adopted sign-in of the first test lives on; the cancelled one was revoked.
    expect(samiras.filter((d) => d.revokedAt === null)).toHaveLength(1);
  });
});
