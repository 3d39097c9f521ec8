// The history kept beside records: `audit_log` (coordinators' changes, before/after values) and
// `merges` (values a stale write overwrote). Both hold copies of record fields, so whatever
// removes a field from a record (retention, a borrower's erasure) removes it here too, or the
// value would outlive the record it belonged to (issue 11 findings 2 and 3).
import { sql, type Transaction } from 'kysely';
import type { DB } from './types';

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Deletes merges rows (and their resolutions) of `recordIds`, all fields or only `fields`. */
async function deleteMerges(
  trx: Transaction<DB>,
  orgId: string,
  table: string,
  recordIds: string[],
  fields?: string[],
): Promise<void> {
  for (const ids of chunks(recordIds)) {
    let q = trx
      .selectFrom('merges')
      .select('id')
      .where('org_id', '=', orgId)
      .where('table_name', '=', table)
      .where('record_id', 'in', ids);
    if (fields) q = q.where('field', 'in', fields);
    const mergeIds = (await q.execute()).map((m) => m.id);
    if (mergeIds.length === 0) continue;
    // merge_resolutions is a coordinator table (not in DB's types): plain SQL.
    await sql`delete from merge_resolutions where org_id = ${orgId} and merge_id in (${sql.join(mergeIds)})`.execute(
      trx,
    );
    await trx.deleteFrom('merges').where('org_id', '=', orgId).where('id', 'in', mergeIds).execute();
  }
}

/** Forgets every audit entry and overwritten value of the records: nothing of them stays. */
export async function forgetHistory(
  trx: Transaction<DB>,
  orgId: string,
  table: string,
  recordIds: string[],
): Promise<void> {
  if (recordIds.length === 0) return;
  for (const ids of chunks(recordIds)) {
    await trx
      .deleteFrom('audit_log')
      .where('org_id', '=', orgId)
      .where('table_name', '=', table)
      .where('record_id', 'in', ids)
      .execute();
  }
  await deleteMerges(trx, orgId, table, recordIds);
}

/**
 * Removes `fields` from the records' audit entries (an entry left with no change at all goes)
 * and drops the overwritten values of those fields.
 */
export async function scrubHistory(
  trx: Transaction<DB>,
  orgId: string,
  table: string,
  recordIds: string[],
  fields: string[],
): Promise<void> {
  if (recordIds.length === 0 || fields.length === 0) return;
  for (const ids of chunks(recordIds)) {
    const entries = await trx
      .selectFrom('audit_log')
      .select(['id', 'before', 'after'])
      .where('org_id', '=', orgId)
      .where('table_name', '=', table)
      .where('record_id', 'in', ids)
      .execute();
    for (const e of entries) {
      const before = e.before === null ? null : (JSON.parse(e.before) as Record<string, unknown>);
      const after = e.after === null ? null : (JSON.parse(e.after) as Record<string, unknown>);
      const held = fields.filter((f) => (before && f in before) || (after && f in after));
      if (held.length === 0) continue;
      for (const f of held) {
        if (before) delete before[f];
        if (after) delete after[f];
      }
      const empty = Object.keys(before ?? {}).length === 0 && Object.keys(after ?? {}).length === 0;
      if (empty) {
        await trx.deleteFrom('audit_log').where('org_id', '=', orgId).where('id', '=', e.id).execute();
      } else {
        await trx
          .updateTable('audit_log')
          .set({
            before: before === null ? null : JSON.stringify(before),
            after: after === null ? null : JSON.stringify(after),
          })
          .where('org_id', '=', orgId)
          .where('id', '=', e.id)
          .execute();
      }
    }
  }
  await deleteMerges(trx, orgId, table, recordIds, fields);
}
