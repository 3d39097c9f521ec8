// Issue 15.3 on Home: with the server unreachable, "Sync now" answers at once with the time it
// tried, the bar says why nothing was sent and when the phone tries again (counting down in
// seconds while that is under a minute away), in the phone's language.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { createServer } from 'node:net';
import { saveHelpRequest } from '../../src/local';
import { setSession } from '../../src/sync';
import { setRetryStatus } from '../../src/sync/status';
import { refreshSession } from '../../src/app/session';
import { startAppSync, stopAppSync } from '../../src/app/sync-start';
import { nl } from '../../src/shared/i18n/nl';
import { en } from '../../src/shared/i18n/en';
import { freshPhone, renderApp } from './helpers';

/** An address where nothing listens (a port that was free a moment ago). */
async function deadServer(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return `http://127.0.0.1:${port}`;
}

const pattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '.+')}$`);

afterEach(() => {
  stopAppSync();
  setRetryStatus(null);
});

describe('Home while the server cannot be reached', () => {
  it('answers "Sync now" at once and says why and when it tries again, in Dutch', async () => {
    await freshPhone('nl');
    await setSession({
      token: 'test-token-unreachable',
      deviceId: 'device-1',
      user: { id: 'user-1', email: 'vol@example.org', name: 'Vol', role: 'volunteer', orgId: 'org-1' },
      serverUrl: await deadServer(),
    });
    await refreshSession();
    await saveHelpRequest({
      occurredAt: new Date().toISOString(),
      channel: 'street_stand',
      topics: ['email'],
      outcome: 'solved',
    });
    startAppSync();
    renderApp('#/');
    const bar = await screen.findByRole('region', { name: nl['sync.region'] });
    fireEvent.click(within(bar).getByRole('button', { name: nl['sync.now'] }));
    expect(await within(bar).findByText(pattern(nl['sync.triedAt']))).toBeTruthy();
    expect(await within(bar).findByText(nl['error.network'])).toBeTruthy();
    // The records wait, so the phone probes the server within seconds, and says so.
    const retry = await within(bar).findByText(/^Nieuwe poging over \d+ seconden?$/);
    const seconds = Number(/\d+/.exec(retry.textContent ?? '')![0]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(15);
  });

  it('names the time of a retry that is minutes away, and counts down one under a minute', async () => {
    await freshPhone('en');
    await saveHelpRequest({
      occurredAt: new Date().toISOString(),
      channel: 'street_stand',
      topics: ['email'],
      outcome: 'solved',
    });
    const { getDb, setMeta } = await import('../../src/local');
    await setMeta(getDb(), 'lastError', {
      code: 'rate_limited',
      message: 'slow down',
      at: new Date().toISOString(),
    });
    renderApp('#/');
    const bar = await screen.findByRole('region', { name: en['sync.region'] });
    await within(bar).findByText(en['error.rate_limited']);
    setRetryStatus({ at: Date.now() + 4 * 60_000, reason: 'rate_limited' });
    expect(await within(bar).findByText(/^Trying again at \d{2}:\d{2}$/)).toBeTruthy();
    setRetryStatus({ at: Date.now() + 3_000, reason: 'rate_limited' });
    const line = await within(bar).findByText(/^Trying again in [123] seconds?$/);
    await waitFor(() => expect(line.textContent).toBe('Trying again in 1 second'));
  });
});
