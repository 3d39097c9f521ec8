// Home's sync state against the REAL server (tests/server/helpers.ts), in the phone's language:
// before sending it says "saved on this phone" and how many wait; after "Sync now" a record the
// server refused stays on the phone as "needs attention" and the recent list says why; a server
// that no longer accepts this app's schema makes Home ask for an update, and nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { lendEquipment, saveHelpRequest, type DigitafelDb } from '../../src/local';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import type { Lang, Messages } from '../../src/shared/i18n';
import { en } from '../../src/shared/i18n/en';
import { fr } from '../../src/shared/i18n/fr';
import { login, startTestServer, type TestServer } from '../server/helpers';
import { freshPhone, renderApp } from './helpers';

let server: TestServer;
/** An instance whose operator retired schema version 1 (DIGITAFEL_MIN_SCHEMA_VERSION=2). */
let strict: TestServer;

beforeAll(async () => {
  [server, strict] = await Promise.all([
    startTestServer(),
    startTestServer({ config: { minSchemaVersion: 2 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), strict?.close()]);
});

/** A phone signed in as a new device of `s`'s volunteer, speaking `lang`. */
async function phoneOn(s: TestServer, lang: Lang): Promise<DigitafelDb> {
  const db = await freshPhone(lang);
  await setSession({ ...(await login(s.app, s.volunteer.user.email)), serverUrl: s.url });
  await refreshSession();
  return db;
}

/** A catalogue text with its `{name}` placeholders filled. */
const text = (cat: Messages, key: keyof Messages, params: Record<string, string | number> = {}) =>
  cat[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

const help = () => ({
  occurredAt: new Date().toISOString(),
  channel: 'street_stand' as const,
  topics: ['email'],
  outcome: 'solved' as const,
});

describe('Home sync state against the real server', () => {
  it('keeps a refused record as needs attention and says why, in French', async () => {
    const db = await phoneOn(server, 'fr');
    // An item this phone knows but the server does not (say, removed by a coordinator meanwhile).
    const equipmentId = '0190a3c4-0000-7000-8000-00000000e001';
    await db.equipment.put({
      id: equipmentId,
      assetTag: 'LAP-GONE',
      kind: 'laptop',
      status: 'ready',
      syncState: 'synced',
      version: 1,
    });
    const loan = await lendEquipment({ consent: true, equipmentId, kind: 'loan', borrowerCode: 'B-77' });
    const sent = await saveHelpRequest(help());
    renderApp('#/');

    const bar = await screen.findByRole('region', { name: fr['sync.region'] });
    expect(await within(bar).findByText(fr['sync.savedOnPhone'])).toBeTruthy();
    expect(within(bar).getByText(text(fr, 'sync.waiting', { n: 2 }))).toBeTruthy();
    expect(within(bar).getByText(fr['sync.neverSynced'])).toBeTruthy();

    fireEvent.click(within(bar).getByRole('button', { name: fr['sync.now'] }));
    // The sync ends with its time shown (the refusal may show earlier, as soon as the push is in).
    const last = await within(bar).findByText(
      new RegExp(`^${fr['sync.lastSync'].replace('{time}', '\\d{2}:\\d{2}')}$`),
    );
    const attention = within(bar).getByRole('link', {
      name: text(fr, 'sync.needsAttention', { n: 1 }),
    });
    expect(within(bar).getByText(fr['sync.allSent'])).toBeTruthy();
    expect(last).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.loans.get(loan.id)).toMatchObject({
      syncState: 'needs_attention',
      syncError: { code: 'unknown_equipment' },
    });
    expect(await db.help_requests.get(sent.id)).toMatchObject({ syncState: 'synced', version: 1 });

    // The link leads to the record, which says why in the phone's language.
    fireEvent.click(attention);
    const loans = await screen.findByRole('region', { name: fr['recent.loans'] });
    const row = (await within(loans).findByText(/B-77/)).closest('li') as HTMLElement;
    expect(
      within(row).getByText(`${fr['syncState.needs_attention']}: ${fr['error.unknown_equipment']}`),
    ).toBeTruthy();
    const helped = within(screen.getByRole('region', { name: fr['recent.help'] }));
    expect(await helped.findByText(fr['syncState.synced'])).toBeTruthy();
  });

  it('asks for an update when the server refuses this app’s schema version, keeping every record', async () => {
    const db = await phoneOn(strict, 'en');
    const saved = await saveHelpRequest(help());
    renderApp('#/');
    const bar = await screen.findByRole('region', { name: en['sync.region'] });
    fireEvent.click(await within(bar).findByRole('button', { name: en['sync.now'] }));
    expect(await within(bar).findByRole('alert')).toBeTruthy();
    expect(within(bar).getByRole('alert').textContent).toContain(en['sync.updateRequired']);
    expect(within(bar).getByRole('button', { name: en['sync.reloadApp'] })).toBeTruthy();
    await waitFor(() => expect(within(bar).getByText(text(en, 'sync.waiting', { n: 1 }))).toBeTruthy());
    expect(await db.help_requests.get(saved.id)).toMatchObject({ syncState: 'pending' });
    expect(await db.outbox.count()).toBe(1);
  });
});
