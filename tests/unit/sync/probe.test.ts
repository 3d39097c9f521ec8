// Issue 15.3: while records wait and the server cannot be reached, the phone probes it with one
// cheap request on a short backoff and sends as soon as it answers (the server coming back on
// the same network fires no `online` event), and it says when it tries again and why.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROBE_CAP_MS, probeDelay } from '../../../src/sync/backoff';
import type { SyncReport } from '../../../src/sync/engine';
import { getRetryStatus } from '../../../src/sync/status';
import { startSyncTriggers } from '../../../src/sync/triggers';

const okReport = (): SyncReport => ({
  ok: true,
  push: { sent: 0, applied: 0, skipped: 0, rejected: 0, conflicts: 0 },
  pulled: 0,
  purged: 0,
});
const failed = (code: string, status?: number): SyncReport => ({
  ...okReport(),
  ok: false,
  error: { code, message: code, ...(status && { status }) },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('probe delays', () => {
  it('start at about a second and never exceed 15 s', () => {
    expect(probeDelay(0, () => 0)).toBe(500);
    expect(probeDelay(0, () => 0.999)).toBeLessThan(1_000);
    expect(probeDelay(3, () => 0.999)).toBeLessThan(8_000);
    for (let attempt = 0; attempt < 50; attempt++) expect(probeDelay(attempt)).toBeLessThan(PROBE_CAP_MS);
    expect(probeDelay(50, () => 0)).toBe(PROBE_CAP_MS / 2);
  });
});

describe('while records wait for an unreachable server', () => {
  it('probes on the short backoff and syncs as soon as the server answers', async () => {
    vi.useFakeTimers();
    const results = [failed('network'), okReport()];
    const sync = vi.fn(async () => results.shift() ?? okReport());
    const answers = [false, false, true];
    const probe = vi.fn(async () => answers.shift() ?? true);
    const t = startSyncTriggers(
      { sync },
      { intervalMs: 60 * 60_000, random: () => 0.999, probe, hasWaiting: async () => true },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1);
    // It says when it tries again and why.
    const status = getRetryStatus();
    expect(status).toMatchObject({ reason: 'network' });
    expect(status!.at - Date.now()).toBeLessThan(1_000);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe).toHaveBeenCalledTimes(1); // no answer
    expect(sync).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(probe).toHaveBeenCalledTimes(2); // no answer
    await vi.advanceTimersByTimeAsync(4_000);
    expect(probe).toHaveBeenCalledTimes(3); // the server is back
    expect(sync).toHaveBeenCalledTimes(2); // sent at once, 7 s after the failure, not minutes later
    expect(getRetryStatus()).toBeNull();
    t.stop();
  });

  it('probes after a 5xx too, but backs off without probing when nothing waits', async () => {
    vi.useFakeTimers();
    const probe = vi.fn(async () => true);
    let waiting = true;
    const sync = vi.fn(async () => failed('internal_error', 500));
    const t = startSyncTriggers(
      { sync },
      { intervalMs: 60 * 60_000, random: () => 0.999, probe, hasWaiting: async () => waiting },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(sync).toHaveBeenCalledTimes(2); // answered, synced again; failed again
    waiting = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probe).toHaveBeenCalledTimes(2); // the probe scheduled before nothing waited
    const calls = sync.mock.calls.length;
    // From now on the long backoff (2 s, 4 s... doubling) and no probes.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(sync.mock.calls.length - calls).toBeLessThan(10);
    expect(getRetryStatus()).toMatchObject({ reason: 'internal_error' });
    t.stop();
    expect(getRetryStatus()).toBeNull();
  });

  it('does not probe for failures a reachable server caused (rate limit, refusal)', async () => {
    vi.useFakeTimers();
    const probe = vi.fn(async () => true);
    const sync = vi.fn(async () => failed('rate_limited', 429));
    const t = startSyncTriggers({ sync }, { intervalMs: 60 * 60_000, random: () => 0.5, probe });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(probe).not.toHaveBeenCalled();
    expect(getRetryStatus()).toMatchObject({ reason: 'rate_limited' });
    t.stop();
  });
});

describe('the probe request', () => {
  it('is true while the real server answers and false once it is gone', async () => {
    const { startTestServer } = await import('../../server/helpers');
    const { createApiClient } = await import('../../../src/sync/api-client');
    const server = await startTestServer();
    const methods: string[] = [];
    const client = createApiClient({
      baseUrl: server.url,
      fetch: (input, init) => {
        methods.push(`${init?.method} ${String(input).replace(server.url, '')}`);
        return fetch(input, init);
      },
    });
    expect(await client.probe()).toBe(true);
    await server.close();
    expect(await client.probe()).toBe(false);
    expect(methods).toEqual(['HEAD /api/v1/health', 'HEAD /api/v1/health']);
  });
});
