// @vitest-environment jsdom
// The browser-event triggers of the sync (src/sync/README.md "Triggers"): coming back online and the page
// becoming visible sync at once, even during a backoff; a hidden page does not; and
// `navigator.onLine === false` is only a hint: the sync still tries (its request decides).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncReport } from '../../../src/sync/engine';
import { startSyncTriggers } from '../../../src/sync/triggers';

const report = (ok: boolean): SyncReport => ({
  ok,
  push: { sent: 0, applied: 0, skipped: 0, rejected: 0, conflicts: 0 },
  pulled: 0,
  purged: 0,
  ...(!ok && { error: { code: 'network', message: 'offline' } }),
});

function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('sync on browser events', () => {
  it('syncs when the browser is back online and when the page becomes visible, backoff or not', async () => {
    vi.useFakeTimers();
    const results = [report(false), report(false), report(true)];
    const sync = vi.fn(async () => results.shift() ?? report(true));
    const t = startSyncTriggers({ sync }, { intervalMs: 60_000, random: () => 0.99 });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1); // on start; it failed, a retry is minutes away

    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(3);

    t.stop();
    window.dispatchEvent(new Event('online'));
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it('still tries when navigator.onLine says offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const sync = vi.fn(async () => report(true));
    const t = startSyncTriggers({ sync }, { intervalMs: 60_000 });
    await t.syncNow();
    expect(sync).toHaveBeenCalledTimes(2); // on start and on "Sync now"
    t.stop();
  });
});
