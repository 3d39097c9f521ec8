// The data-protection page: what retention will do next, the last retention run, and the
// export or erasure of one borrower's data when they ask (GDPR articles 15 and 17).
import { retentionDays } from '../../shared/personal-data';
import { HttpError } from '../http/errors';
import type { AuthContext } from '../http/auth';
import { parseData, toRecord } from '../records/format';
import type { CoordDb } from './db';
import { withWriteCtx } from './review';
import { writeVersion } from './write';

const DAY = 86_400_000;

/** The borrower row and loans of one borrower code, or 404. */
async function borrowerRows(db: CoordDb, orgId: string, code: string) {
  const borrower = await db
    .selectFrom('borrowers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('borrower_code', '=', code)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  const loans = await db
    .selectFrom('loans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('borrower_code', '=', code)
    .where('deleted', '=', 0)
    .execute();
  if (!borrower && loans.length === 0) throw new HttpError(404, 'not_found', 'no such borrower');
  return { borrower, loans };
}

/** Everything held about one borrower, as a JSON document to hand over. */
export async function exportBorrower(db: CoordDb, orgId: string, code: string) {
  const { borrower, loans } = await borrowerRows(db, orgId, code);
  return {
    exportedAt: new Date().toISOString(),
    borrowerCode: code,
    borrower: borrower ? toRecord(borrower) : null,
    loans: loans.map(toRecord),
  };
}

/** Erases a borrower's identity now: tombstone without fields, and its audit trail dropped. */
export async function eraseBorrower(db: CoordDb, auth: AuthContext, code: string) {
  const { borrower } = await borrowerRows(db, auth.orgId, code);
  if (!borrower) return { erased: false };
  await withWriteCtx(db, auth, async (ctx) => {
    await ctx.trx
      .deleteFrom('audit_log')
      .where('org_id', '=', auth.orgId)
      .where('table_name', '=', 'borrowers')
      .where('record_id', '=', borrower.id)
      .execute();
    const data = parseData(borrower);
    await writeVersion(ctx, 'borrowers', borrower, { data: { id: data.id ?? borrower.id }, deleted: true });
    // The erasure entry itself must not keep the identity it erased.
    await ctx.trx
      .updateTable('audit_log')
      .set({ before: JSON.stringify({ erased: true }), after: JSON.stringify({ deleted: true }) })
      .where('org_id', '=', auth.orgId)
      .where('table_name', '=', 'borrowers')
      .where('record_id', '=', borrower.id)
      .execute();
  });
  return { erased: true };
}

/** Counts of records that retention will change within `days`, and the last run. */
export async function retentionStatus(db: CoordDb, orgId: string, now = new Date(), days = 30) {
  const horizon = (keepDays: number) => new Date(now.getTime() + days * DAY - keepDays * DAY).toISOString();
  const count = async (
    table: 'help_requests' | 'permanences',
    col: 'occurred_at' | 'started_at',
    stage: number,
    cut: string,
  ) => {
    const r = await db
      .selectFrom(table as 'help_requests')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .where('retention_stage', '<', stage)
      .where(col as 'occurred_at', '<', cut)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  };
  const textCut = horizon(retentionDays.free_text!);
  const linkCut = horizon(retentionDays.pseudonym_link!);
  const identityCut = horizon(retentionDays.identity!);
  const endedLoans = await db
    .selectFrom('loans')
    .select((eb) => eb.fn.count<string>('borrower_code').distinct().as('n'))
    .where('org_id', '=', orgId)
    .where('deleted', '=', 0)
    .where('ended_at', '<', identityCut)
    .executeTakeFirst();
  const last = await db
    .selectFrom('retention_runs')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('ran_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    withinDays: days,
    due: {
      helpRequestNotes: await count('help_requests', 'occurred_at', 1, textCut),
      helpRequestLinks: await count('help_requests', 'occurred_at', 2, linkCut),
      permanenceNotes: await count('permanences', 'started_at', 1, textCut),
      borrowersWithEndedLoans: Number(endedLoans?.n ?? 0),
    },
    lastRun: last
      ? { ranAt: last.ran_at, summary: JSON.parse(last.summary) as Record<string, number> }
      : null,
  };
}
