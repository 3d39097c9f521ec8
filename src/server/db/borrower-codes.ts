// A borrower code names one person: two live borrowers of an organisation may not share it, or
// an access request or an erasure by code would reach only one of them (issue 11 finding 2).
// Checked inside the write transaction; writers of an organisation are serialised by the
// org_seq lock (push and coordinator writes alike), so two writers cannot both take one code.
import type { Transaction } from 'kysely';
import type { DB } from './types';

/** Whether another live borrower (not `exceptId`) of the organisation has `code`. */
export async function borrowerCodeTaken(
  trx: Transaction<DB>,
  orgId: string,
  code: unknown,
  exceptId: string,
): Promise<boolean> {
  if (typeof code !== 'string') return false;
  const other = await trx
    .selectFrom('borrowers')
    .select('id')
    .where('org_id', '=', orgId)
    .where('borrower_code', '=', code)
    .where('deleted', '=', 0)
    .where('id', '!=', exceptId)
    .limit(1)
    .executeTakeFirst();
  return other !== undefined;
}
