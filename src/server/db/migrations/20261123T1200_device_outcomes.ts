// Outcomes a device may not have heard about: a push whose answer was lost is replayed, and the
// replayed mutations are already handled. For a `rejected` or `conflict` one, `skipped` would
// tell the phone nothing: it would mark a record synced that the server refused (or holds as a
// conflict for review). So those outcomes are kept here and answered again until the device
// pushes past them (src/server/sync/push.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('device_outcomes')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_outcomes_pk', ['org_id', 'device_id', 'mutation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('device_outcomes').ifExists().execute();
}
