// Issue 15.7: Home warns while records wait to be sent and the browser's storage is not
// persistent (the browser may clear it under pressure, and those records exist nowhere else),
// and "Keep my data" asks again. No warning with nothing waiting, or with persistent storage.
// jsdom has no StorageManager: a recording fake stands in for the browser's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { saveHelpRequest } from '../../src/local';
import { en } from '../../src/shared/i18n/en';
import { fr } from '../../src/shared/i18n/fr';
import { freshPhone, renderApp } from './helpers';

let persisted = false;
let grant = false;
const storage = {
  persist: vi.fn(async () => (persisted = grant)),
  persisted: vi.fn(async () => persisted),
  estimate: vi.fn(async () => ({ usage: 1000, quota: 1_000_000 })),
};

beforeEach(() => {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  persisted = false;
  grant = false;
});
afterEach(() => vi.clearAllMocks());

const help = () => ({
  occurredAt: new Date().toISOString(),
  channel: 'street_stand' as const,
  topics: ['email'],
  outcome: 'solved' as const,
});

describe('the storage warning on Home', () => {
  it('shows while records wait and storage is not persistent, and goes once it is kept', async () => {
    await freshPhone('fr');
    await saveHelpRequest(help());
    renderApp('#/');
    expect(await screen.findByText(fr['home.notPersistent'])).toBeTruthy();
    // The browser refuses first: the phone says what helps.
    fireEvent.click(screen.getByRole('button', { name: fr['settings.askPersist'] }));
    expect(await screen.findByText(fr['home.persistRefused'])).toBeTruthy();
    grant = true;
    fireEvent.click(screen.getByRole('button', { name: fr['settings.askPersist'] }));
    await waitFor(() => expect(screen.queryByText(fr['home.notPersistent'])).toBeNull());
  });

  it('stays away with nothing waiting, or with persistent storage', async () => {
    await freshPhone('en');
    renderApp('#/');
    await screen.findByRole('button', { name: en['home.newHelp'] });
    await screen.findByText(en['sync.allSent']);
    expect(screen.queryByText(en['home.notPersistent'])).toBeNull();

    persisted = true;
    await saveHelpRequest(help());
    await screen.findByText(en['sync.savedOnPhone']);
    await waitFor(() => expect(storage.persisted).toHaveBeenCalled());
    expect(screen.queryByText(en['home.notPersistent'])).toBeNull();
  });
});
