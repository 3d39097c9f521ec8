// Retention of account bookkeeping: security events are kept one year; sign-in attempt counts
// only until their window ends; used or expired enrolment and reset codes a week (so a phone
// that scans an old code a few days later still reads "used or expired", not a mystery).
import type { Db } from '../db';
import { forgetEndedAttempts } from '../http/attempts';
import { forgetOldSecurityEvents } from '../db/security-events.repository';

const WEEK_MS = 7 * 86_400_000;

/** Deletes what account bookkeeping no longer needs as of `now`; returns the events deleted. */
export async function forgetAccountData(db: Db, now: Date): Promise<{ securityEvents: number }> {
  const securityEvents = await forgetOldSecurityEvents(db, now);
  await forgetEndedAttempts(db, now);
  const cut = new Date(now.getTime() - WEEK_MS).toISOString();
  for (const table of ['enrolment_codes', 'reset_codes'] as const) {
    await db
      .deleteFrom(table)
      .where((eb) => eb.or([eb('expires_at', '<', cut), eb('used_at', '<', cut)]))
      .execute();
  }
  return { securityEvents };
}
