// The first schema: organisations, users, devices, enrolment codes, the per-org sync sequence,
// one table per synced record type, overwritten values, audit log and retention runs.
// Every table has org_id and every index leads with it, except the three lookups by which a
// request finds its organisation (user e-mail, token hash, enrolment code hash).
import type { CreateTableBuilder, Kysely } from 'kysely';

const RECORD_TABLES = [
  'help_requests',
  'permanences',
  'equipment',
  'loans',
  'borrowers',
  'locations',
  'topics',
  'partners',
] as const;

type AnyTable = CreateTableBuilder<string, string>;

function recordColumns(t: AnyTable): AnyTable {
  return t
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
    .addColumn('retention_stage', 'integer', (c) => c.notNull().defaultTo(0));
}

const EXTRA_COLUMNS: Partial<Record<(typeof RECORD_TABLES)[number], string[]>> = {
  help_requests: ['occurred_at', 'location_id', 'channel', 'outcome'],
  permanences: ['started_at', 'location_id'],
  loans: ['equipment_id', 'status', 'borrower_code', 'ended_at'],
  borrowers: ['borrower_code'],
};

const EXTRA_INDEXES: Array<[string, string[]]> = [
  ['help_requests', ['occurred_at']],
  ['help_requests', ['location_id', 'occurred_at']],
  ['help_requests', ['created_by', 'occurred_at']],
  ['permanences', ['started_at']],
  ['permanences', ['location_id', 'started_at']],
  ['loans', ['equipment_id', 'open']],
  ['loans', ['borrower_code']],
  ['borrowers', ['borrower_code']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('org_seq')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('min_valid_seq', 'integer', (c) => c.notNull())
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('users_pk', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('users_email').unique().on('users').column('email').execute();
  await db.schema.createIndex('users_org_role').on('users').columns(['org_id', 'role']).execute();
  await db.schema
    .createTable('devices')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('last_mutation_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('devices_pk', ['org_id', 'id'])
    .addForeignKeyConstraint('devices_user_fk', ['org_id', 'user_id'], 'users', ['org_id', 'id'])
    .execute();
  await db.schema.createIndex('devices_token_hash').unique().on('devices').column('token_hash').execute();
  await db.schema.createIndex('devices_org_user').on('devices').columns(['org_id', 'user_id']).execute();
  await db.schema
    .createTable('enrolment_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enrolment_codes_org')
    .on('enrolment_codes')
    .columns(['org_id', 'expires_at'])
    .execute();

  for (const table of RECORD_TABLES) {
    let t = recordColumns(db.schema.createTable(table) as AnyTable);
    for (const col of EXTRA_COLUMNS[table] ?? []) t = t.addColumn(col, 'text');
    if (table === 'loans') t = t.addColumn('open', 'integer', (c) => c.notNull().defaultTo(0));
    await t.addPrimaryKeyConstraint(`${table}_pk`, ['org_id', 'id']).execute();
    await db.schema.createIndex(`${table}_org_seq`).on(table).columns(['org_id', 'seq']).execute();
  }
  for (const [table, cols] of EXTRA_INDEXES) {
    await db.schema
      .createIndex(`${table}_org_${cols.join('_')}`)
      .on(table)
      .columns(['org_id', ...cols])
      .execute();
  }

  await db.schema
    .createTable('merges')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('device_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('merges_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('merges_org_record')
    .on('merges')
    .columns(['org_id', 'table_name', 'record_id'])
    .execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addPrimaryKeyConstraint('audit_log_pk', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_org_record')
    .on('audit_log')
    .columns(['org_id', 'table_name', 'record_id'])
    .execute();
  await db.schema
    .createTable('retention_runs')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_runs_pk', ['org_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'retention_runs',
    'audit_log',
    'merges',
    ...RECORD_TABLES,
    'enrolment_codes',
    'devices',
    'users',
    'org_seq',
    'orgs',
  ];
  for (const t of tables) await db.schema.dropTable(t).ifExists().execute();
}
