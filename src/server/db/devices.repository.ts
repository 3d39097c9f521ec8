// Data access for devices (one per app install, each with its own revocable token) and
// enrolment codes.
import type { Transaction } from 'kysely';
import { newId } from '../../shared/ids';
import type { MutationResult } from '../../shared/sync-protocol';
import { hashSecret, newSecret } from '../auth/secrets';
import type { Db, DB } from './index';
import type { DevicesTable, UsersTable } from './users.table';

type Tx = Db | Transaction<DB>;

/** Enrols a device for a user; returns its id and the bearer token (only ever seen here). */
export async function insertDevice(
  db: Tx,
  d: { orgId: string; userId: string; label: string | null },
): Promise<{ deviceId: string; token: string }> {
  const token = newSecret(32);
  const deviceId = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('devices')
    .values({
      id: deviceId,
      org_id: d.orgId,
      user_id: d.userId,
      label: d.label,
      token_hash: hashSecret(token),
      last_mutation_id: 0,
      last_seen_at: now,
      revoked_at: null,
      created_at: now,
    })
    .execute();
  return { deviceId, token };
}

export type DeviceWithUser = Pick<DevicesTable, 'id' | 'org_id' | 'last_seen_at' | 'created_at'> & {
  user: Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'org_id' | 'disabled_at'>;
};

/**
 * The device holding this token, with its user: live, or `revoked` (then only so the caller
 * can tell a disabled account from a plain sign-out).
 */
export async function findDeviceByToken(
  db: Tx,
  token: string,
): Promise<(DeviceWithUser & { revoked: boolean }) | undefined> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('users', (j) =>
      j.onRef('users.org_id', '=', 'devices.org_id').onRef('users.id', '=', 'devices.user_id'),
    )
    .select([
      'devices.id as id',
      'devices.org_id as org_id',
      'devices.last_seen_at as last_seen_at',
      'devices.created_at as created_at',
      'devices.revoked_at as revoked_at',
      'users.id as user_id',
      'users.email as email',
      'users.name as name',
      'users.role as role',
      'users.disabled_at as disabled_at',
    ])
    .where('devices.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const { user_id, email, name, role, disabled_at, revoked_at, ...device } = row;
  return {
    ...device,
    revoked: revoked_at !== null,
    user: { id: user_id, email, name, role, org_id: row.org_id, disabled_at },
  };
}

/** Records that the device was seen (callers throttle this). */
export async function touchDevice(db: Tx, orgId: string, deviceId: string, at: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_seen_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', deviceId)
    .execute();
}

/** Revokes a device of the organisation; false when there is no such device. */
export async function revokeDevice(db: Tx, orgId: string, deviceId: string): Promise<boolean> {
  const res = await db
    .updateTable('devices')
    .set({ revoked_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Revokes every live device of a user (disabled account, reset password), but `keep`. */
export async function revokeUserDevices(
  db: Tx,
  orgId: string,
  userId: string,
  keep?: string,
): Promise<number> {
  let q = db
    .updateTable('devices')
    .set({ revoked_at: new Date().toISOString() })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keep) q = q.where('id', '!=', keep);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** True when the user ever had a device (signed in or enrolled), revoked ones included. */
export async function hasDevices(db: Tx, orgId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('devices')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** One device of the organisation, or undefined. */
export async function findDevice(db: Tx, orgId: string, deviceId: string): Promise<DevicesTable | undefined> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', deviceId)
    .executeTakeFirst();
}

/** The organisation's devices, newest first. */
export async function listDevices(db: Tx, orgId: string): Promise<DevicesTable[]> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Stores how far the device's mutations were handled. */
export async function setLastMutationId(trx: Transaction<DB>, orgId: string, deviceId: string, id: number) {
  await trx
    .updateTable('devices')
    .set({ last_mutation_id: id })
    .where('org_id', '=', orgId)
    .where('id', '=', deviceId)
    .execute();
}

/** Keeps outcomes of a push (rejected, conflict) to answer them again on a replay. */
export async function insertOutcomes(
  trx: Transaction<DB>,
  orgId: string,
  deviceId: string,
  results: MutationResult[],
): Promise<void> {
  if (results.length === 0) return;
  await trx
    .insertInto('device_outcomes')
    .values(
      results.map(({ mutationId, ...result }) => ({
        org_id: orgId,
        device_id: deviceId,
        mutation_id: mutationId,
        result: JSON.stringify(result),
      })),
    )
    .execute();
}

/** The kept outcomes among `mutationIds`, by mutation id. */
export async function findOutcomes(
  trx: Transaction<DB>,
  orgId: string,
  deviceId: string,
  mutationIds: number[],
): Promise<Map<number, MutationResult>> {
  if (mutationIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('device_outcomes')
    .select(['mutation_id', 'result'])
    .where('org_id', '=', orgId)
    .where('device_id', '=', deviceId)
    .where('mutation_id', 'in', mutationIds)
    .execute();
  return new Map(
    rows.map((r) => {
      const mutationId = Number(r.mutation_id);
      return [mutationId, { ...(JSON.parse(r.result) as Omit<MutationResult, 'mutationId'>), mutationId }];
    }),
  );
}

/** Forgets outcomes below `mutationId`: the device sends from there, so it has settled them. */
export async function forgetOutcomesBelow(
  trx: Transaction<DB>,
  orgId: string,
  deviceId: string,
  mutationId: number,
): Promise<void> {
  await trx
    .deleteFrom('device_outcomes')
    .where('org_id', '=', orgId)
    .where('device_id', '=', deviceId)
    .where('mutation_id', '<', mutationId)
    .execute();
}

/** Stores a new enrolment code (hashed); returns the code itself. */
export async function insertEnrolmentCode(
  db: Tx,
  c: { orgId: string; name: string; createdBy: string; expiresAt: string },
): Promise<string> {
  const code = newSecret(16);
  await db
    .insertInto('enrolment_codes')
    .values({
      code_hash: hashSecret(code),
      id: newId(),
      org_id: c.orgId,
      name: c.name,
      role: 'volunteer',
      created_by: c.createdBy,
      expires_at: c.expiresAt,
      used_at: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return code;
}

/** Marks a valid code used (atomically, so it works once) and returns its org and name. */
export async function consumeEnrolmentCode(
  trx: Transaction<DB>,
  code: string,
  now: string,
): Promise<{ orgId: string; name: string } | undefined> {
  const codeHash = hashSecret(code);
  const res = await trx
    .updateTable('enrolment_codes')
    .set({ used_at: now })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  const row = await trx
    .selectFrom('enrolment_codes')
    .select(['org_id', 'name'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirstOrThrow();
  return { orgId: row.org_id, name: row.name };
}

/** The organisation's codes not used and not expired, newest first. */
export async function listPendingEnrolmentCodes(db: Tx, orgId: string, now: string) {
  return db
    .selectFrom('enrolment_codes')
    .select(['id', 'name', 'expires_at', 'created_at', 'created_by'])
    .where('org_id', '=', orgId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Withdraws a pending code (deletes it); false when the organisation has no such pending code. */
export async function deleteEnrolmentCode(db: Tx, orgId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('enrolment_codes')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** A valid (unused, unexpired) code's organisation, name and expiry, without using it. */
export async function peekEnrolmentCode(db: Tx, code: string, now: string) {
  return db
    .selectFrom('enrolment_codes')
    .innerJoin('orgs', 'orgs.id', 'enrolment_codes.org_id')
    .select([
      'enrolment_codes.name as name',
      'enrolment_codes.expires_at as expires_at',
      'orgs.name as org_name',
    ])
    .where('enrolment_codes.code_hash', '=', hashSecret(code))
    .where('enrolment_codes.used_at', 'is', null)
    .where('enrolment_codes.expires_at', '>', now)
    .executeTakeFirst();
}
