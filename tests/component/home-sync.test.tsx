// Home's sync state bar (waiting, needs attention, last sync in Brussels time, signed out) and
// the update prompt, which is held back while a form holds unsaved input.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { saveHelpRequest, setMeta } from '../../src/local';
import { freshPhone, renderApp } from './helpers';

const applyUpdate = vi.fn();
vi.mock('../../src/app/pwa/bridge', () => ({
  registerServiceWorker: async () => undefined,
  onUpdateReady: (cb: () => void) => {
    cb();
    return () => undefined;
  },
  applyUpdate: () => applyUpdate(),
}));

const base = { channel: 'street_stand' as const, outcome: 'solved' as const, topics: ['email'] };

describe('Home sync state', () => {
  it('shows waiting, needs attention with the count, the last sync and a signed-out error', async () => {
    const db = await freshPhone('en');
    await saveHelpRequest({ ...base, occurredAt: new Date().toISOString() });
    const refused = await saveHelpRequest({ ...base, occurredAt: new Date().toISOString() });
    await db.help_requests.update(refused.id, {
      syncState: 'needs_attention',
      syncError: { code: 'invalid_record', message: 'bad' },
    });
    await setMeta(db, 'lastSyncAt', '2026-07-01T08:05:00.000Z');
    await setMeta(db, 'lastError', {
      code: 'unauthorized',
      message: 'revoked',
      at: '2026-07-01T09:00:00.000Z',
    });
    renderApp('#/');
    const bar = await screen.findByRole('region', { name: 'Sync state' });
    expect(await within(bar).findByText('Waiting to send (1)')).toBeTruthy();
    expect(within(bar).getByText('Needs attention (1)')).toBeTruthy();
    expect(within(bar).getByText('Last sync: 01/07/2026 10:05')).toBeTruthy();
    expect(within(bar).getByRole('link', { name: /sign in again/ })).toBeTruthy();
    expect(within(bar).getByRole('button', { name: 'Sync now' })).toBeTruthy();
    expect(await screen.findByText('2', { selector: '.today dd' })).toBeTruthy();
  });

  it('shows the reason of a refused record in the recent list', async () => {
    const db = await freshPhone('en');
    const r = await saveHelpRequest({ ...base, occurredAt: new Date().toISOString() });
    await db.help_requests.update(r.id, {
      syncState: 'needs_attention',
      syncError: { code: 'forbidden_record', message: 'no' },
    });
    renderApp('#/recent');
    expect(
      await screen.findByText('Needs attention: You may only change records you created.', { exact: false }),
    ).toBeTruthy();
  });

  it('holds the update prompt back while a form is dirty', async () => {
    await freshPhone('en');
    renderApp('#/help/new');
    expect(await screen.findByText('A new version is ready.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'E-mail' }));
    expect(screen.queryByText('A new version is ready.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Solved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A new version is ready.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(applyUpdate).toHaveBeenCalledOnce();
  });
});
