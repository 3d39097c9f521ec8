// Data access for users.
import type { Transaction } from 'kysely';
import type { ManagedUser, Role, User } from '../../shared/api';
import { newId } from '../../shared/ids';
import type { Db, DB } from './index';
import type { UsersTable } from './users.table';

type Tx = Db | Transaction<DB>;

/** The API shape of a user row (enrolled users without e-mail get ""). */
export function toUser(row: Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'org_id'>): User {
  return { id: row.id, email: row.email ?? '', name: row.name, role: row.role, orgId: row.org_id };
}

/** Inserts a user; `email` is stored lower-cased. */
export async function insertUser(
  db: Tx,
  u: { orgId: string; email: string | null; name: string; role: Role; passwordHash: string | null },
): Promise<User> {
  const row: UsersTable = {
    id: newId(),
    org_id: u.orgId,
    email: u.email?.toLowerCase() ?? null,
    name: u.name,
    role: u.role,
    password_hash: u.passwordHash,
    created_at: new Date().toISOString(),
    disabled_at: null,
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

/** The user with this e-mail (any organisation: login is how the organisation is found). */
export async function findUserByEmail(db: Tx, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** True when the e-mail is already taken. */
export async function emailTaken(db: Tx, email: string): Promise<boolean> {
  return (await findUserByEmail(db, email)) !== undefined;
}

/** True when any admin exists (bootstrap). */
export async function adminExists(db: Tx): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  return row !== undefined;
}

/** One user of the organisation, or undefined. */
export async function findUser(db: Tx, orgId: string, id: string): Promise<UsersTable | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organisation's users with the last contact of any of their devices, by name. */
export async function listUsers(db: Tx, orgId: string): Promise<ManagedUser[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('devices', (j) =>
      j.onRef('devices.org_id', '=', 'users.org_id').onRef('devices.user_id', '=', 'users.id'),
    )
    .select((eb) => [
      'users.id as id',
      'users.email as email',
      'users.name as name',
      'users.role as role',
      'users.disabled_at as disabled_at',
      eb.fn.max('devices.last_seen_at').as('last_seen_at'),
    ])
    .where('users.org_id', '=', orgId)
    .groupBy(['users.id', 'users.email', 'users.name', 'users.role', 'users.disabled_at'])
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => toManagedUser(r, r.last_seen_at ?? null));
}

/** The API shape of a user for coordinators and admins. */
export function toManagedUser(
  row: Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'disabled_at'>,
  lastSeenAt: string | null,
): ManagedUser {
  return {
    id: row.id,
    email: row.email ?? '',
    name: row.name,
    role: row.role,
    disabledAt: row.disabled_at,
    lastSeenAt,
  };
}

/** The last contact of any of the user's devices. */
export async function lastSeenOf(db: Tx, orgId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.max('last_seen_at').as('at'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Changes a user's name, role or disabled time. */
export async function updateUser(
  db: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<UsersTable, 'name' | 'role' | 'disabled_at' | 'password_hash'>>,
): Promise<void> {
  await db.updateTable('users').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}
