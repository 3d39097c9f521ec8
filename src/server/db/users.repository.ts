// Data access for users.
import type { Transaction } from 'kysely';
import type { Role, User } from '../../shared/api';
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
