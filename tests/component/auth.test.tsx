// Sign-in and enrolment: without a session every route shows sign-in; signing in stores the
// session and shows Home; the enrolment link shows whose code it is and asks, then enrols with
// the code from the URL and goes Home.
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

  it('shows the organisation and name of an enrolment code, asks, then enrols and goes Home', async () => {
    await signedOutPhone();
    const check = { orgName: 'Buurtwerk Noord', name: 'Amal', expiresAt: '2026-12-04T10:00:00.000Z' };
    const fetch = vi.fn().mockResolvedValueOnce(json(200, check)).mockResolvedValue(json(200, sessionBody));
    vi.stubGlobal('fetch', fetch);
    renderApp('#/enrol/CODE-123');
    expect(await screen.findByText('Join Buurtwerk Noord as Amal?')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [checkUrl, checkInit] = fetch.mock.calls[0] as [string, RequestInit];
    expect(checkUrl).toBe('/api/v1/auth/enrol/check');
    expect(JSON.parse(String(checkInit.body))).toEqual({ code: 'CODE-123' });
    expect(await getSession()).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Enrol this phone' }));
    expect(await screen.findByRole('button', { name: 'New help request' })).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    const [url, init] = fetch.mock.calls[1] as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/enrol');
    expect(JSON.parse(String(init.body))).toMatchObject({ code: 'CODE-123' });
  });

  it('does not enrol when the person cancels, and says so when the code is not valid', async () => {
    await signedOutPhone();
    const check = { orgName: 'Other org', name: 'Someone', expiresAt: '2026-12-04T10:00:00.000Z' };
    const fetch = vi.fn().mockResolvedValue(json(200, check));
    vi.stubGlobal('fetch', fetch);
    renderApp('#/enrol/CODE-456');
    expect(await screen.findByText('Join Other org as Someone?')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(fetch.mock.calls.map(([u]) => u)).toEqual(['/api/v1/auth/enrol/check']);
    expect(await getSession()).toBeUndefined();

    fetch.mockResolvedValue(json(401, { error: { code: 'invalid_enrolment_code', message: 'no' } }));
    window.location.hash = '#/enrol/USED-CODE';
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enrol this phone' })).toBeNull();
  });
});
