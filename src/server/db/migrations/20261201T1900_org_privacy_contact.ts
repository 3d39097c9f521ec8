// The organisation's contact for people's questions about their data (GDPR art. 13: whom to
// ask). Shown in the visitor and borrower information texts on phones and the stand's A5 sheet;
// a coordinator sets it on the data-protection page (PATCH /org). Empty until then.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orgs').addColumn('privacy_contact', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orgs').dropColumn('privacy_contact').execute();
}
