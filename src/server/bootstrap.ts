// First start: when no admin exists, create the first organisation and its admin, from the
// environment or, failing that, as admin@digitafel.local with a random password that the caller
// prints once (so `npm start` on a fresh machine always has a way in).
import { hashPassword, newSecret } from './auth/secrets';
import type { Config } from './config';
import type { Db } from './db';
import { insertOrg } from './db/orgs.repository';
import { adminExists, insertUser } from './db/users.repository';

export const FALLBACK_ADMIN_EMAIL = 'admin@digitafel.local';

export type BootstrapResult =
  { created: false } | { created: true; email: string; orgId: string; generatedPassword?: string };

/** Creates the first org and admin when there is no admin yet. */
export async function bootstrapAdmin(db: Db, config: Config): Promise<BootstrapResult> {
  if (await adminExists(db)) return { created: false };
  const fromEnv = config.adminEmail && config.adminPassword;
  const email = fromEnv ? config.adminEmail! : FALLBACK_ADMIN_EMAIL;
  const password = fromEnv ? config.adminPassword! : newSecret(15);
  const passwordHash = await hashPassword(password);
  let orgId: string;
  try {
    orgId = await db.transaction().execute(async (trx) => {
      const org = await insertOrg(trx, config.orgName);
      await insertUser(trx, { orgId: org.id, email, name: 'Admin', role: 'admin', passwordHash });
      return org.id;
    });
  } catch (err: unknown) {
    // Several instances started at once on an empty database: another one created the admin
    // first (the e-mail is unique), and this transaction, its organisation included, rolled back.
    if (await adminExists(db)) return { created: false };
    throw err;
  }
  return { created: true, email, orgId, ...(fromEnv ? {} : { generatedPassword: password }) };
}
