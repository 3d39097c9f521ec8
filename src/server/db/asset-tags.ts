// One asset tag names one item of an organisation, whatever its case: `LAP-0001` and
// `lap-0001` are the same label on the laptop (the phone finds items case-insensitively too).
import { sql, type Transaction } from 'kysely';
import type { DB } from './types';

/** Whether another live item of the organisation has `tag`, compared without case. */
export async function assetTagTaken(
  trx: Transaction<DB>,
  orgId: string,
  tag: unknown,
  exceptId: string,
): Promise<boolean> {
  if (typeof tag !== 'string' || !tag.trim()) return false;
  const other = await trx
    .selectFrom('equipment')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql`lower(asset_tag)`, '=', tag.trim().toLowerCase())
    .where('deleted', '=', 0)
    .where('id', '!=', exceptId)
    .limit(1)
    .executeTakeFirst();
  return other !== undefined;
}
