// Counts failed sign-in and enrolment attempts per key (IP + e-mail) in a window: after `max`
// failures the key gets 429 with Retry-After until the window ends. In memory, per instance,
// like @fastify/rate-limit's default store (which guards the same routes against floods).
import { HttpError } from './errors';

export class FailedAttempts {
  private readonly entries = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly max = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Throws 429 when `key` has used up its failures. */
  check(key: string, now = Date.now()): void {
    const e = this.entries.get(key);
    if (e && e.resetAt <= now) this.entries.delete(key);
    else if (e && e.failures >= this.max) {
      const retryAfter = String(Math.ceil((e.resetAt - now) / 1000));
      throw new HttpError(429, 'too_many_attempts', 'too many failed attempts, try again later', undefined, {
        'retry-after': retryAfter,
      });
    }
  }

  /** Records one failure of `key`. */
  fail(key: string, now = Date.now()): void {
    if (this.entries.size > 10_000) this.prune(now);
    const e = this.entries.get(key);
    if (!e || e.resetAt <= now) this.entries.set(key, { failures: 1, resetAt: now + this.windowMs });
    else e.failures += 1;
  }

  private prune(now: number): void {
    for (const [k, e] of this.entries) if (e.resetAt <= now) this.entries.delete(k);
  }
}
