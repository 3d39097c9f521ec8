// Accounts on the phone, against the real server (the app's same-origin requests are sent on
// to it): a reset link shows whose it is and sets a new password (refusing a weak one with the
// reason), then signs in; Settings changes the password of a person who signs in with e-mail
// (not of one enrolled by QR code); signing out with nothing waiting says the phone's records go
// and removes them.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { openDb, type DigitafelDb } from '../../src/local';
import { setLanguage } from '../../src/shared/i18n';
import { en } from '../../src/shared/i18n/en';
import { getSession, setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { api, login, startTestServer, TEST_PASSWORD, type TestServer } from '../server/helpers';
import { renderApp } from './helpers';

vi.setConfig({ testTimeout: 20_000 });

let server: TestServer;
const realFetch = globalThis.fetch;
const NEW_PASSWORD = 'kapstok lindeboom vijver 9';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());
afterEach(() => vi.unstubAllGlobals());

/** A fresh phone whose requests reach the test server; signed in as `session` if given. */
async function phone(session?: Parameters<typeof setSession>[0]): Promise<DigitafelDb> {
  const db = openDb(`accounts-${randomUUID()}`);
  if (session) await setSession(session);
  await refreshSession();
  await setLanguage('en');
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(new URL(String(input), server.url), init),
  );
  return db;
}

/** A new volunteer of the test organisation, with or without e-mail sign-in. */
async function volunteer(name: string): Promise<{ id: string; email: string }> {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`;
  const res = await api(server.app, server.coordinator.token, 'POST', '/users', {
    email,
    name,
    password: TEST_PASSWORD,
    role: 'volunteer',
  });
  return { id: res.json().user.id, email };
}

describe('accounts on the phone', () => {
  it('sets a new password from a reset link, refusing a weak one with the reason, and signs in', async () => {
    const ilse = await volunteer('Ilse');
    const made = await api(server.app, server.coordinator.token, 'POST', `/users/${ilse.id}/reset-codes`, {});
    await phone();
    renderApp(`#/reset/${made.json().code}`);
    expect(await screen.findByText(`For Ilse at ${server.config.orgName}.`)).toBeTruthy();
    const field = screen.getByLabelText(en['password.new']);
    fireEvent.input(field, { target: { value: 'aaaaaaaaaaaaaa' } });
    fireEvent.click(screen.getByRole('button', { name: en['reset.submit'] }));
    expect(
      await screen.findByText(`${en['error.weak_password']} ${en['password.reason.pattern']}`),
    ).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(field, { target: { value: NEW_PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: en['reset.submit'] }));
    expect(await screen.findByRole('button', { name: en['home.newHelp'] })).toBeTruthy();
    expect((await getSession())?.user.id).toBe(ilse.id);
    expect((await login(server.app, ilse.email, NEW_PASSWORD)).user.id).toBe(ilse.id);
  });

  it('says so when a reset link is used or unknown', async () => {
    await phone();
    renderApp('#/reset/not-a-real-code-at-all');
    expect(await screen.findByText(en['error.invalid_reset_code'])).toBeTruthy();
    expect(screen.queryByLabelText(en['password.new'])).toBeNull();
  });

  it('changes the password in Settings; the other sign-ins end', async () => {
    const noor = await volunteer('Noor');
    const otherPhone = await login(server.app, noor.email);
    await phone(await login(server.app, noor.email));
    renderApp('#/settings');
    const current = await screen.findByLabelText(en['password.current']);
    const next = screen.getByLabelText(en['password.new']);
    fireEvent.input(current, { target: { value: 'not my password at all' } });
    fireEvent.input(next, { target: { value: NEW_PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: en['password.submit'] }));
    expect(await screen.findByText(en['password.wrongCurrent'])).toBeTruthy();
    expect(current.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(current, { target: { value: TEST_PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: en['password.submit'] }));
    expect(await screen.findByText(en['password.changed'])).toBeTruthy();
    expect((await api(server.app, otherPhone.token, 'GET', '/me')).statusCode).toBe(401);
    expect((await login(server.app, noor.email, NEW_PASSWORD)).user.id).toBe(noor.id);
  });

  it('offers no password change to a volunteer enrolled by QR code', async () => {
    const code = await api(server.app, server.coordinator.token, 'POST', '/enrolment-codes', {
      name: 'Mo',
      role: 'volunteer',
    });
    const enrolled = await api(server.app, null, 'POST', '/auth/enrol', { code: code.json().code });
    await phone(enrolled.json());
    renderApp('#/settings');
    expect(await screen.findByRole('button', { name: en['settings.signOut'] })).toBeTruthy();
    expect(screen.queryByLabelText(en['password.current'])).toBeNull();
  });

  it('says that signing out removes the phone’s records when nothing waits, and removes them', async () => {
    const db = await phone(await login(server.app, server.volunteer.user.email));
    await db.locations.put({
      id: randomUUID(),
      name: 'Buurthuis',
      active: true,
      syncState: 'synced',
    } as never);
    renderApp('#/settings');
    expect(await screen.findByText(en['settings.signOutClears'])).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en['settings.signOut'] }));
    expect(await screen.findByRole('button', { name: en['signin.submit'] })).toBeTruthy();
    await waitFor(async () => expect(await db.locations.count()).toBe(0));
    expect(await getSession()).toBeUndefined();
  });
});
