// Shared sessions (issue 14): `session_members`, one record per phone that joined a permanence
// opened on another phone, holding what that phone counted. A record table like the others
// (same columns, written through the push, pulled by seq), plus copies of `permanenceId` (the
// coordinator's view sums a session's members), `joinedAt` (volunteers pull the recent ones) and
// `endedAt`. Existing permanences need nothing: their own counts stay the opener's part.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_members')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_device_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('review_comment', 'text')
    .addColumn('retention_stage', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('permanence_id', 'text')
    .addColumn('joined_at', 'text')
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('session_members_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('session_members_org_seq')
    .on('session_members')
    .columns(['org_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('session_members_org_permanence_id')
    .on('session_members')
    .columns(['org_id', 'permanence_id'])
    .execute();
  await db.schema
    .createIndex('session_members_org_joined_at')
    .on('session_members')
    .columns(['org_id', 'joined_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session_members').ifExists().execute();
}
