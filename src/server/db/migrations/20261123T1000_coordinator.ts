// Coordinator workspace tables (owned by src/server/coordinator): the report rollup (day counts
// per dimension, the facts each help request contributed, and how far the rollup has read),
// resolutions of overwritten values, and an index for the review inbox. Every index leads with
// org_id like the rest of the schema.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_help_counts')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_help_counts_pk', ['org_id', 'day', 'dim', 'bucket'])
    .execute();
  await db.schema
    .createTable('report_help_facts')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_help_facts_pk', ['org_id', 'record_id'])
    .execute();
  await db.schema
    .createTable('report_state')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('help_seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('merge_resolutions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('merge_id', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('merge_resolutions_pk', ['org_id', 'merge_id'])
    .execute();
  await db.schema
    .createIndex('help_requests_org_review_state_occurred_at')
    .on('help_requests')
    .columns(['org_id', 'review_state', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('permanences_org_review_state_started_at')
    .on('permanences')
    .columns(['org_id', 'review_state', 'started_at'])
    .execute();
  await db.schema.createIndex('loans_org_status').on('loans').columns(['org_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('loans_org_status').ifExists().execute();
  await db.schema.dropIndex('permanences_org_review_state_started_at').ifExists().execute();
  await db.schema.dropIndex('help_requests_org_review_state_occurred_at').ifExists().execute();
  for (const t of ['merge_resolutions', 'report_state', 'report_help_facts', 'report_help_counts']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
