// Sign-in and enrolment: without a session every route shows sign-in; signing in stores the
// session and shows Home; the enrolment link enrols with the code from the URL, then goes Home.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { openDb } from '../../src/local';
import { setLanguage } from '../../src/shared/i18n';
import { getSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { renderApp } from './helpers';

let n = 0;
async function signedOutPhone() {
  openDb(`auth-${Date.now()}-${n++}`);
  await refreshSession();
  await setLanguage('en');
}

const sessionBody = {
  token: 'tok-1',
  deviceId: 'dev-1',
  user: { id: 'u1', email: 'vol@example.org', name: 'Vol', role: 'volunteer', orgId: 'o1' },
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('sign-in and enrolment', () => {
  it('shows sign-in on every route without a session', async () => {
    await signedOutPhone();
    renderApp('#/help/new');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('shows the server refusal and then signs in', async () => {
    await signedOutPhone();
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(401, { error: { code: 'invalid_credentials', message: 'no' } }))
      .mockResolvedValue(json(200, sessionBody));
    vi.stubGlobal('fetch', fetch);
    renderApp('#/');
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'vol@example.org' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'a long passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Email or password is not correct.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'New help request' })).toBeTruthy();
    expect(await getSession()).toMatchObject({ token: 'tok-1', deviceId: 'dev-1' });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/login');
    expect(JSON.parse(String(init.body))).toMatchObject({
      email: 'vol@example.org',
      password: 'a long passphrase',
    });
  });

  it('enrols with the code from the URL and goes Home', async () => {
    await signedOutPhone();
    const fetch = vi.fn().mockResolvedValue(json(200, sessionBody));
    vi.stubGlobal('fetch', fetch);
    renderApp('#/enrol/CODE-123');
    expect(await screen.findByRole('button', { name: 'New help request' })).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/enrol');
    expect(JSON.parse(String(init.body))).toMatchObject({ code: 'CODE-123' });
  });
});
