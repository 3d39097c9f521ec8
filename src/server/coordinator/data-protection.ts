// The data-protection page: what retention will do next, the last retention run, and the
// export or erasure of one borrower's data when they ask (GDPR articles 15 and 17).
import { personalFields, retentionDays } from '../../shared/personal-data';
import { borrowerInput } from '../../shared/records';
import { forgetHistory } from '../db/history';
import type { RecordRow } from '../db/records.repository';
import { HttpError } from '../http/errors';
import type { AuthContext } from '../http/auth';
import { parseData, toRecord } from '../records/format';
import { collectIds, idsToName, referenceNames } from './names';
import { baseDb, type CoordDb } from './db';
import { withWriteCtx } from './review';
import { writeVersion } from './write';

const DAY = 86_400_000;

/** Whether a borrower row still holds identity (a live one, or a tombstone that kept its fields). */
const holdsIdentity = (row: RecordRow) => {
  const d = parseData(row);
  return row.deleted === 0 || IDENTITY_FIELDS.some((f) => d[f] !== undefined && d[f] !== null);
};
const IDENTITY_FIELDS = personalFields(borrowerInput)
  .filter((f) => f.class === 'identity')
  .map((f) => f.field);

/**
 * Every borrower row under one code that still holds identity (codes are unique among live
 * borrowers, but older data may hold two, and a deleted row may have kept its fields), and the
 * live loans of the code; 404 when there is neither.
 */
async function borrowerRows(db: CoordDb, orgId: string, code: string) {
  const borrowers = (
    await db
      .selectFrom('borrowers')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('borrower_code', '=', code)
      .orderBy('received_at')
      .execute()
  ).filter(holdsIdentity);
  const loans = await db
    .selectFrom('loans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('borrower_code', '=', code)
    .where('deleted', '=', 0)
    .execute();
  if (borrowers.length === 0 && loans.length === 0) throw new HttpError(404, 'not_found', 'no such borrower');
  return { borrowers, loans };
}

/** The audit entries and overwritten values of some records of a table, oldest first. */
async function historyOf(db: CoordDb, orgId: string, table: 'borrowers' | 'loans', ids: string[]) {
  if (ids.length === 0) return { changes: [], overwritten: [] };
  const json = (v: string | null): unknown => (v === null ? null : JSON.parse(v));
  const audit = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('table_name', '=', table)
    .where('record_id', 'in', ids)
    .orderBy('at')
    .execute();
  const merges = await db
    .selectFrom('merges')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('table_name', '=', table)
    .where('record_id', 'in', ids)
    .orderBy('at')
    .execute();
  return {
    changes: audit.map((a) => ({
      table,
      recordId: a.record_id,
      at: a.at,
      userId: a.user_id,
      before: json(a.before),
      after: json(a.after),
    })),
    overwritten: merges.map((m) => ({
      table,
      recordId: m.record_id,
      at: m.at,
      field: m.field,
      oldValue: json(m.old_value),
      newValue: json(m.new_value),
    })),
  };
}

/**
 * Everything held about one borrower (GDPR article 15), as a JSON document to hand over: their
 * borrower record(s), their loans, and the history of both (corrections and overwritten values,
 * which may hold an earlier name or phone).
 */
export async function exportBorrower(db: CoordDb, orgId: string, code: string) {
  const { borrowers, loans } = await borrowerRows(db, orgId, code);
  const b = await historyOf(
    db,
    orgId,
    'borrowers',
    borrowers.map((r) => r.id),
  );
  const l = await historyOf(
    db,
    orgId,
    'loans',
    loans.map((r) => r.id),
  );
  const live = borrowers.filter((r) => r.deleted === 0);
  const loanRecords = loans.map(toRecord);
  const changes = [...b.changes, ...l.changes];
  const overwritten = [...b.overwritten, ...l.overwritten];
  // The asset tags of the items, the names of the people who lent them or changed a record, and
  // any place or partner a value points to, so the document reads without ids.
  const ids = idsToName();
  for (const r of loanRecords) for (const [field, value] of Object.entries(r)) collectIds(ids, field, value);
  for (const c of changes) {
    if (c.userId) ids.users.add(c.userId);
    for (const side of [c.before, c.after])
      for (const [field, value] of Object.entries(side ?? {})) collectIds(ids, field, value);
  }
  for (const o of overwritten) {
    collectIds(ids, o.field, o.oldValue);
    collectIds(ids, o.field, o.newValue);
  }
  return {
    exportedAt: new Date().toISOString(),
    borrowerCode: code,
    borrower: live[0] ? toRecord(live[0]) : null,
    borrowers: borrowers.map(toRecord),
    loans: loanRecords,
    changes,
    overwritten,
    names: await referenceNames(baseDb(db), orgId, ids),
  };
}

/**
 * Erases a borrower's identity now (GDPR article 17) from every table that holds it: each
 * borrower row under the code becomes a tombstone without fields, and their audit entries and
 * overwritten values go. Loans keep the pseudonymous code (the equipment's history needs it).
 */
export async function eraseBorrower(db: CoordDb, auth: AuthContext, code: string) {
  const { borrowers } = await borrowerRows(db, auth.orgId, code);
  if (borrowers.length === 0) return { erased: false };
  await withWriteCtx(db, auth, async (ctx) => {
    for (const borrower of borrowers) {
      await forgetHistory(ctx.trx, auth.orgId, 'borrowers', [borrower.id]);
      await writeVersion(ctx, 'borrowers', borrower, { data: { id: borrower.id }, deleted: true });
      // The erasure entry itself must not keep the identity it erased.
      await ctx.trx
        .updateTable('audit_log')
        .set({ before: JSON.stringify({ erased: true }), after: JSON.stringify({ deleted: true }) })
        .where('org_id', '=', auth.orgId)
        .where('table_name', '=', 'borrowers')
        .where('record_id', '=', borrower.id)
        .execute();
    }
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
