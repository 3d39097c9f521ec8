// What the coordinator's lists need (src/server/coordinator/equipment.query.ts, loans.query.ts,
// conflicts.ts):
// - indexed copies of the equipment and loan fields the inventory and loan lists filter, sort
//   and page by: without them every list would read and parse every row's JSON, and a fixed cap
//   would drop the rest. Existing rows are filled in here, in chunks, on both databases; from
//   now on src/server/records/columns.ts keeps them up to date on every write;
// - for an overwritten value, which device wrote it and when (`overwritten_device_id`,
//   `overwritten_at`), so the conflicts screen names both sides. Older merges leave them empty.
import type { Kysely } from 'kysely';

/** Rows read per chunk while filling the new columns. */
const CHUNK = 500;

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function instant(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

interface Row {
  org_id: string;
  id: string;
  data: string;
}

/** Fills `columns` of every row of `table` from its JSON data, CHUNK rows at a time. */
async function backfill(
  db: Kysely<unknown>,
  table: string,
  columns: (data: Record<string, unknown>) => Record<string, string | null>,
): Promise<void> {
  const k = db as unknown as Kysely<Record<string, Row>>;
  let after: { org_id: string; id: string } | undefined;
  for (;;) {
    let q = k.selectFrom(table).select(['org_id', 'id', 'data']);
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([eb('org_id', '>', a.org_id), eb.and([eb('org_id', '=', a.org_id), eb('id', '>', a.id)])]),
      );
    }
    const rows = await q.orderBy('org_id').orderBy('id').limit(CHUNK).execute();
    for (const r of rows) {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(r.data) as Record<string, unknown>;
      } catch {
        // A row that is not JSON keeps empty columns; the next write of it fills them.
      }
      await k
        .updateTable(table)
        .set(columns(data) as never)
        .where('org_id', '=', r.org_id)
        .where('id', '=', r.id)
        .execute();
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < CHUNK) return;
    after = { org_id: last.org_id, id: last.id };
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const col of ['asset_tag', 'kind', 'status']) {
    await db.schema.alterTable('equipment').addColumn(col, 'text').execute();
  }
  for (const col of ['started_at', 'due_at']) {
    await db.schema.alterTable('loans').addColumn(col, 'text').execute();
  }
  for (const col of ['overwritten_device_id', 'overwritten_at']) {
    await db.schema.alterTable('merges').addColumn(col, 'text').execute();
  }
  await backfill(db, 'equipment', (d) => ({
    asset_tag: text(d.assetTag),
    kind: text(d.kind),
    status: text(d.status),
  }));
  await backfill(db, 'loans', (d) => ({ started_at: instant(d.startedAt), due_at: instant(d.dueAt) }));
  const indexes: Array<[string, string, string[]]> = [
    ['equipment_org_asset_tag', 'equipment', ['org_id', 'asset_tag']],
    ['equipment_org_status_asset_tag', 'equipment', ['org_id', 'status', 'asset_tag']],
    ['equipment_org_kind_asset_tag', 'equipment', ['org_id', 'kind', 'asset_tag']],
    ['loans_org_open_due_at', 'loans', ['org_id', 'open', 'due_at']],
    ['loans_org_equipment_started_at', 'loans', ['org_id', 'equipment_id', 'started_at']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'loans_org_equipment_started_at',
    'loans_org_open_due_at',
    'equipment_org_kind_asset_tag',
    'equipment_org_status_asset_tag',
    'equipment_org_asset_tag',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  for (const col of ['overwritten_at', 'overwritten_device_id']) {
    await db.schema.alterTable('merges').dropColumn(col).execute();
  }
  for (const col of ['due_at', 'started_at']) await db.schema.alterTable('loans').dropColumn(col).execute();
  for (const col of ['status', 'kind', 'asset_tag']) {
    await db.schema.alterTable('equipment').dropColumn(col).execute();
  }
}
