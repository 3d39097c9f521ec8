// Counts sign-in, enrolment, reset and password-change attempts per key (an account, an address,
// a code prefix, or a pair of them) in a window, in the database, so every instance shares the
// count. An attempt is counted BEFORE the password or code is checked: a burst of concurrent
// guesses cannot all pass the check before the first failure is written. A successful attempt
// gives its count back. Past `max` in the window the key gets 429 with Retry-After until the
// window ends. @fastify/rate-limit (per instance) guards the same routes against floods.
import { sql } from 'kysely';
import { hashSecret } from '../auth/secrets';
import type { Db } from '../db';
import { HttpError } from './errors';

export const ATTEMPT_WINDOW_MS = 15 * 60_000;

/** One counted key and its limit in the window. */
export interface AttemptKey {
  key: string;
  max: number;
}

/** Limits per key kind (README "Decisions": why these numbers). */
export const LIMITS = {
  /** One account from one address: a person mistyping, or a guesser. */
  accountAddress: 10,
  /** One account from anywhere: guessing spread over many addresses. */
  account: 100,
  /** One address, any account or code: a shared Wi-Fi has room for many people's typos. */
  address: 50,
  /** One enrolment or reset code prefix from one address. */
  codeAddress: 10,
  /** One code prefix from anywhere. */
  code: 50,
} as const;

/** The keys a sign-in with `email` from `ip` counts against. */
export function loginKeys(ip: string, email: string): AttemptKey[] {
  const account = email.trim().toLowerCase();
  return [
    { key: `login|acct-addr|${ip}|${account}`, max: LIMITS.accountAddress },
    { key: `login|acct|${account}`, max: LIMITS.account },
    { key: `login|addr|${ip}`, max: LIMITS.address },
  ];
}

/**
 * The keys an enrolment or reset code counts against: its first characters (so one person's
 * typos of one code from a shared Wi-Fi lock out that code's prefix there, not every phone on
 * that Wi-Fi) and the address as a whole (so one address cannot try codes without end).
 */
export function codeKeys(kind: 'enrol' | 'reset', ip: string, code: string): AttemptKey[] {
  const prefix = [...code.trim()].slice(0, 4).join('');
  return [
    { key: `${kind}|code-addr|${ip}|${prefix}`, max: LIMITS.codeAddress },
    { key: `${kind}|code|${prefix}`, max: LIMITS.code },
    { key: `${kind}|addr|${ip}`, max: LIMITS.address },
  ];
}

/** Counts one attempt against each key (atomically per key); returns [count, resetAt]. */
async function countOne(db: Db, key: string, now: Date): Promise<{ failures: number; resetAt: string }> {
  const at = now.toISOString();
  const resetAt = new Date(now.getTime() + ATTEMPT_WINDOW_MS).toISOString();
  const res = await sql<{ failures: number | string; reset_at: string }>`
    insert into auth_attempts (key, failures, reset_at) values (${hashSecret(key)}, 1, ${resetAt})
    on conflict (key) do update set
      failures = case when auth_attempts.reset_at <= ${at} then 1 else auth_attempts.failures + 1 end,
      reset_at = case when auth_attempts.reset_at <= ${at} then ${resetAt} else auth_attempts.reset_at end
    returning failures, reset_at`.execute(db);
  const row = res.rows[0]!;
  return { failures: Number(row.failures), resetAt: row.reset_at };
}

/** A counted attempt: `succeeded()` gives the count back. */
export interface Attempt {
  succeeded(): Promise<void>;
}

/**
 * Counts one attempt against every key, then throws 429 `too_many_attempts` (Retry-After: until
 * the latest window of an exhausted key ends) when any key is past its limit.
 */
export async function countAttempt(db: Db, keys: AttemptKey[], now = new Date()): Promise<Attempt> {
  let blockedUntil: number | undefined;
  for (const { key, max } of keys) {
    const { failures, resetAt } = await countOne(db, key, now);
    if (failures > max) blockedUntil = Math.max(blockedUntil ?? 0, Date.parse(resetAt));
  }
  if (blockedUntil !== undefined) {
    const retryAfter = String(Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 1000)));
    throw new HttpError(429, 'too_many_attempts', 'too many failed attempts, try again later', undefined, {
      'retry-after': retryAfter,
    });
  }
  return {
    succeeded: async () => {
      for (const { key } of keys) {
        await db
          .updateTable('auth_attempts')
          .set((eb) => ({ failures: eb('failures', '-', 1) }))
          .where('key', '=', hashSecret(key))
          .where('failures', '>', 0)
          .execute();
      }
    },
  };
}

/** Deletes the counts whose window has ended (the retention job calls this). */
export async function forgetEndedAttempts(db: Db, now = new Date()): Promise<void> {
  await db.deleteFrom('auth_attempts').where('reset_at', '<=', now.toISOString()).execute();
}
