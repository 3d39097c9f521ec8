// The retention job (src/shared/README.md "Personal data"): free-text fields cleared after 26 weeks, pseudonym links
// (visitorCode, borrowerCode, createdBy) dropped after 12 months, borrower identity deleted 6
// months after the loan ended. The fields come from the personal-data markers on the schemas.
// Every change is a new version with a new seq, so phones receive it; each run is recorded.
import { sql, type Transaction } from 'kysely';
import { newId } from '../../shared/ids';
import { personalFields, retentionDays } from '../../shared/personal-data';
import { inputSchemas, TABLES, type TableName } from '../../shared/records';
import type { Db, DB } from '../db';
import { listOrgIds, SeqAllocator } from '../db/orgs.repository';
import { scrubHistory } from '../db/history';
import { saveRecord, type RecordRow } from '../db/records.repository';
import { extraColumns } from '../records/columns';
import { parseData } from '../records/format';
import { forgetAccountData } from './accounts';
import { deleteExpiredBorrowers } from './borrowers';

/** The column holding the date each table's retention counts from (loans: when they ended). */
const REFERENCE_COLUMN: Partial<Record<TableName, string>> = {
  help_requests: 'occurred_at',
  permanences: 'started_at',
  loans: 'ended_at',
};

export interface RetentionSummary {
  orgId: string;
  freeTextCleared: number;
  linksDropped: number;
  borrowersDeleted: number;
}

const days = (n: number) => n * 86_400_000;

async function retainTable(
  trx: Transaction<DB>,
  seq: SeqAllocator,
  orgId: string,
  table: TableName,
  now: Date,
) {
  const fields = personalFields(inputSchemas[table]);
  const freeText = fields.filter((f) => f.class === 'free_text').map((f) => f.field);
  const links = fields.filter((f) => f.class === 'pseudonym_link').map((f) => f.field);
  const textCut = new Date(now.getTime() - days(retentionDays.free_text!)).toISOString();
  const linkCut = new Date(now.getTime() - days(retentionDays.pseudonym_link!)).toISOString();
  const ref = sql.ref<string>(REFERENCE_COLUMN[table] ?? 'received_at');
  const rows = (await trx
    .selectFrom(table as 'equipment')
    .selectAll()
    .select(ref.as('ref_at'))
    .where('org_id', '=', orgId)
    .where(ref, '<', textCut)
    .where((eb) =>
      eb.or([eb('retention_stage', '=', 0), eb.and([eb('retention_stage', '=', 1), eb(ref, '<', linkCut)])]),
    )
    .execute()) as Array<RecordRow & { ref_at: string }>;
  const counts = { freeTextCleared: 0, linksDropped: 0 };
  const reached: Record<1 | 2, string[]> = { 1: [], 2: [] };
  for (const { ref_at, ...row } of rows) {
    const stage = ref_at < linkCut ? 2 : 1;
    reached[stage].push(row.id);
    const data = parseData(row);
    const drop = stage === 2 ? [...freeText, ...links] : freeText;
    const present = drop.filter((f) => data[f] !== undefined && data[f] !== null);
    const dropCreator = stage === 2 && row.created_by !== null;
    const next: RecordRow = { ...row, retention_stage: stage };
    if (present.length > 0 || dropCreator) {
      for (const f of present) delete data[f];
      Object.assign(next, extraColumns(table, data, row.deleted === 1), {
        data: JSON.stringify(data),
        created_by: stage === 2 ? null : row.created_by,
        version: row.version + 1,
        seq: seq.next(),
      });
      if (present.some((f) => freeText.includes(f))) counts.freeTextCleared += 1;
      if (stage === 2) counts.linksDropped += 1;
    }
    await saveRecord(trx, table, next, true);
  }
  // The same fields in the audit trail and the overwritten values, whether or not the record
  // still held them (a corrected note lives on only there).
  await scrubHistory(trx, orgId, table, reached[1], freeText);
  await scrubHistory(trx, orgId, table, reached[2], [...freeText, ...links]);
  return counts;
}

/** Applies every retention rule to every organisation as of `now`; returns what changed. */
export async function runRetention(db: Db, now: Date = new Date()): Promise<RetentionSummary[]> {
  const out: RetentionSummary[] = [];
  for (const orgId of await listOrgIds(db)) {
    const summary = await db.transaction().execute(async (trx) => {
      const seq = await SeqAllocator.lock(trx, orgId);
      const s: RetentionSummary = { orgId, freeTextCleared: 0, linksDropped: 0, borrowersDeleted: 0 };
      for (const table of TABLES) {
        if (table === 'borrowers' || personalFields(inputSchemas[table]).length === 0) continue;
        const c = await retainTable(trx, seq, orgId, table, now);
        s.freeTextCleared += c.freeTextCleared;
        s.linksDropped += c.linksDropped;
      }
      s.borrowersDeleted = await deleteExpiredBorrowers(trx, seq, orgId, now);
      await seq.save(trx);
      const { orgId: _o, ...counts } = s;
      await trx
        .insertInto('retention_runs')
        .values({ org_id: orgId, id: newId(), ran_at: now.toISOString(), summary: JSON.stringify(counts) })
        .execute();
      return s;
    });
    out.push(summary);
  }
  await forgetAccountData(db, now);
  return out;
}
