// Accounts (issue 11): a person can be locked out (users.disabled_at), pending enrolment codes
// can be listed and withdrawn (an id per code), failed sign-ins are counted in the database so
// every instance shares them (auth_attempts), passwords can be reset with a one-time code
// (reset_codes), and security events are kept append-only (security_events: an UPDATE fails on
// both databases; only the retention job deletes, after a year).
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();

  await db.schema.alterTable('enrolment_codes').addColumn('id', 'text').execute();
  // Codes made before this migration get their hash as id (it is not the code, and it is unique).
  await sql`update enrolment_codes set id = code_hash where id is null`.execute(db);
  await db.schema
    .createIndex('enrolment_codes_org_id')
    .unique()
    .on('enrolment_codes')
    .columns(['org_id', 'id'])
    .execute();

  // Looked up by key before anyone is known (like users.email): the key is a sha256 of what is
  // counted (address, account, code prefix), so no e-mail or address is stored in clear.
  await db.schema
    .createTable('auth_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reset_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reset_codes_org_user')
    .on('reset_codes')
    .columns(['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('security_events')
    // '' for events of no organisation (a sign-in with an unknown e-mail): admins see those.
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('details', 'text')
    .addPrimaryKeyConstraint('security_events_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('security_events_org_at')
    .on('security_events')
    .columns(['org_id', 'at'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create or replace function security_events_append_only() returns trigger as $$
      begin
        raise exception 'security_events is append-only';
      end
      $$ language plpgsql`.execute(db);
    await sql`
      create trigger security_events_no_update before update on security_events
      for each row execute function security_events_append_only()`.execute(db);
  } else {
    await sql`
      create trigger security_events_no_update before update on security_events
      begin
        select raise(abort, 'security_events is append-only');
      end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('security_events').ifExists().execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function if exists security_events_append_only()`.execute(db);
  }
  await db.schema.dropTable('reset_codes').ifExists().execute();
  await db.schema.dropTable('auth_attempts').ifExists().execute();
  await db.schema.dropIndex('enrolment_codes_org_id').ifExists().execute();
  await db.schema.alterTable('enrolment_codes').dropColumn('id').execute();
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}
