// Issue 15.4: whose phone is this? Home says who is signed in and for which organisation in
// small text, Settings lists name, e-mail, role and organisation; the organisation's name comes
// from the real server (GET /me) once and then shows offline too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import { getDb, getMeta } from '../../src/local';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { rememberOrg } from '../../src/app/sync-start';
import { en } from '../../src/shared/i18n/en';
import { nl } from '../../src/shared/i18n/nl';
import { login, startTestServer, type TestServer } from '../server/helpers';
import { freshPhone, renderApp } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('who is signed in', () => {
  it('shows the person and organisation on Home and in Settings, the name fetched at start and kept on the phone', async () => {
    await freshPhone('nl');
    await setSession({ ...(await login(server.app, server.volunteer.user.email)), serverUrl: server.url });
    await refreshSession();
    await rememberOrg();
    const orgName = server.config.orgName;
    expect(await getMeta(getDb(), 'org')).toEqual({ id: server.orgId, name: orgName, privacyContact: null });

    renderApp('#/');
    const line = `Aangemeld als Vera voor ${orgName}`;
    expect(nl['home.signedInAsOrg']).toBe('Aangemeld als {name} voor {org}');
    expect(await screen.findByText(line)).toBeTruthy();

    window.location.hash = '#/settings';
    const account = await screen.findByRole('region', { name: nl['settings.account'] });
    const facts = within(account);
    await waitFor(() => expect(facts.getByText(orgName)).toBeTruthy());
    expect(facts.getByText('Vera')).toBeTruthy();
    expect(facts.getByText(server.volunteer.user.email)).toBeTruthy();
    expect(facts.getByText(nl['role.volunteer'])).toBeTruthy();
  });

  it('names the person before the organisation is known, and no e-mail for a phone enrolled by code', async () => {
    await freshPhone('en');
    await setSession({
      token: 'tok-enrolled',
      deviceId: 'dev-enrolled',
      user: { id: 'u-9', email: '', name: 'Omar', role: 'volunteer', orgId: 'org-9' },
      serverUrl: 'http://127.0.0.1:9', // nothing answers: the organisation stays unknown
    });
    await refreshSession();
    await rememberOrg().catch(() => undefined);
    renderApp('#/');
    expect(await screen.findByText('Signed in as Omar')).toBeTruthy();
    window.location.hash = '#/settings';
    const account = await screen.findByRole('region', { name: en['settings.account'] });
    expect(within(account).getByText('Omar')).toBeTruthy();
    expect(within(account).queryByText(en['settings.email'])).toBeNull();
    expect(within(account).queryByText(en['settings.organisation'])).toBeNull();
  });
});
