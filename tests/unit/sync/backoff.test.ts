import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from '../../../src/sync/backoff';
import type { SyncReport } from '../../../src/sync/engine';
import { startSyncTriggers } from '../../../src/sync/triggers';

const okReport = (): SyncReport => ({
  ok: true,
  push: { sent: 0, applied: 0, skipped: 0, rejected: 0, conflicts: 0 },
  pulled: 0,
  purged: 0,
});
const failed = (code: string): SyncReport => ({ ...okReport(), ok: false, error: { code, message: code } });

describe('backoff', () => {
  it('draws a full-jitter delay in [0, base * 2^attempt), capped at 5 minutes', () => {
    expect(BACKOFF_CAP_MS).toBe(5 * 60_000);
    for (let attempt = 0; attempt < 40; attempt++) {
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
      expect(backoffDelay(attempt, () => 0)).toBe(0);
      const top = backoffDelay(attempt, () => 0.999999);
      expect(top).toBeLessThan(ceiling);
      expect(top).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.999));
    }
    expect(backoffDelay(100, () => 0.5)).toBe(BACKOFF_CAP_MS / 2);
    const samples = Array.from({ length: 2000 }, () => backoffDelay(20));
    expect(Math.max(...samples)).toBeLessThan(BACKOFF_CAP_MS);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(new Set(samples).size).toBeGreaterThan(1000); // jitter spreads the retries
  });
});

describe('sync triggers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('syncs on start, debounces saves, backs off after failures and recovers', async () => {
    vi.useFakeTimers();
    const results: SyncReport[] = [okReport(), failed('network'), failed('network'), okReport(), okReport()];
    const sync = vi.fn(async () => results.shift() ?? okReport());
    const t = startSyncTriggers({ sync }, { debounceMs: 1000, intervalMs: 60_000, random: () => 0.5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1); // on start

    t.notifySaved();
    t.notifySaved();
    t.notifySaved();
    await vi.advanceTimersByTimeAsync(999);
    expect(sync).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sync).toHaveBeenCalledTimes(2); // one sync for three saves; it fails

    // First retry after 0.5 * base; the second failure doubles the window.
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS / 2);
    expect(sync).toHaveBeenCalledTimes(3);
    t.notifySaved(); // a save during backoff waits for the retry
    await vi.advanceTimersByTimeAsync(1000);
    expect(sync).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS - 1000);
    expect(sync).toHaveBeenCalledTimes(4); // succeeds: backoff is over

    await vi.advanceTimersByTimeAsync(60_000);
    expect(sync).toHaveBeenCalledTimes(5); // the timer while open
    t.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sync).toHaveBeenCalledTimes(5);
  });

  it('stops retrying on unauthorized until the user asks again', async () => {
    vi.useFakeTimers();
    const sync = vi.fn(async () => failed('unauthorized'));
    const t = startSyncTriggers({ sync }, { debounceMs: 10, intervalMs: 60_000 });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sync).toHaveBeenCalledTimes(1);
    await t.syncNow();
    expect(sync).toHaveBeenCalledTimes(2);
    t.stop();
  });
});
