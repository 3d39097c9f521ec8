import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, saveHelpRequest } from '../../../src/local';
import type { SyncReport } from '../../../src/sync/engine';
import { SYNC_LOCK_NAME, withSyncLock } from '../../../src/sync/lock';
import { startSyncTriggers } from '../../../src/sync/triggers';
import { helpDraft } from './helpers';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('sync lock', () => {
  it('runs one holder at a time without Web Locks', async () => {
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    const task = (n: number) =>
      withSyncLock(async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setTimeout(r, 5));
        order.push(n);
        inside--;
        if (n === 2) throw new Error('fails');
        return n;
      });
    const results = await Promise.allSettled([task(1), task(2), task(3)]);
    expect(maxInside).toBe(1);
    expect(order).toEqual([1, 2, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('uses navigator.locks under the shared name when the browser has it', async () => {
    const request = vi.fn((_name: string, cb: () => Promise<unknown>) => cb());
    vi.stubGlobal('navigator', { locks: { request } });
    await expect(withSyncLock(async () => 42)).resolves.toBe(42);
    expect(request).toHaveBeenCalledWith(SYNC_LOCK_NAME, expect.any(Function));
  });
});

describe('sync after a save', () => {
  it('a committed local write schedules one debounced sync', async () => {
    openDb(`lock-${randomUUID()}`);
    const report: SyncReport = {
      ok: true,
      push: { sent: 0, applied: 0, skipped: 0, rejected: 0, conflicts: 0 },
      pulled: 0,
      purged: 0,
    };
    const sync = vi.fn(async () => report);
    // The triggers' clock is faked (IndexedDB, which runs on setImmediate, is not): the debounce
    // runs out when the test says so, not when a busy machine happens to be slow between saves.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const t = startSyncTriggers({ sync }, { debounceMs: 1_500 });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1); // on start
    await saveHelpRequest(helpDraft());
    await vi.advanceTimersByTimeAsync(1_000);
    await saveHelpRequest(helpDraft()); // restarts the debounce
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sync).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(sync).toHaveBeenCalledTimes(2);
    t.stop(); // nothing else was pending: no further sync
    expect(sync).toHaveBeenCalledTimes(2);
  });
});
