// One-time codes that let one user choose a new password (POST /users/:id/reset-codes, then
// POST /auth/reset). Stored as sha256 like enrolment codes; a new code replaces the user's
// unused ones, and disabling the user deletes them.
import type { Transaction } from 'kysely';
import { hashSecret, newSecret } from '../auth/secrets';
import type { Db, DB } from './index';

type Tx = Db | Transaction<DB>;

/** Stores a new code for the user (their earlier unused codes stop working); returns it. */
export async function insertResetCode(
  db: Tx,
  c: { orgId: string; userId: string; createdBy: string; expiresAt: string },
): Promise<string> {
  await deleteResetCodes(db, c.orgId, c.userId);
  const code = newSecret(16);
  await db
    .insertInto('reset_codes')
    .values({
      code_hash: hashSecret(code),
      org_id: c.orgId,
      user_id: c.userId,
      created_by: c.createdBy,
      expires_at: c.expiresAt,
      used_at: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return code;
}

/** Deletes the user's unused codes. */
export async function deleteResetCodes(db: Tx, orgId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('reset_codes')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** A valid code's organisation and user, without using it. */
export async function peekResetCode(
  db: Tx,
  code: string,
  now: string,
): Promise<{ orgId: string; userId: string; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('reset_codes')
    .select(['org_id', 'user_id', 'expires_at'])
    .where('code_hash', '=', hashSecret(code))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { orgId: row.org_id, userId: row.user_id, expiresAt: row.expires_at };
}

/** Marks a valid code used (atomically, so it works once); false when it was not valid. */
export async function consumeResetCode(trx: Transaction<DB>, code: string, now: string): Promise<boolean> {
  const res = await trx
    .updateTable('reset_codes')
    .set({ used_at: now })
    .where('code_hash', '=', hashSecret(code))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
