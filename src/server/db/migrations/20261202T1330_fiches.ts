// Fiches (issue 14): step-by-step cards coordinators write, a synced record table like the
// reference data (phones pull them), and the images they show. An image is kept as base64 text
// (the same column type on SQLite and PostgreSQL; at most 400 KB each), with its checked type.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fiches')
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
    .addPrimaryKeyConstraint('fiches_pk', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('fiches_org_seq').on('fiches').columns(['org_id', 'seq']).execute();
  await db.schema
    .createTable('fiche_images')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fiche_images_pk', ['org_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fiche_images').execute();
  await db.schema.dropTable('fiches').execute();
}
