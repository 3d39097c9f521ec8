// Retention now also clears the audit trail and overwritten values (`audit_log`, `merges`) of
// the fields it clears (src/server/db/history.ts). Records it handled before that still have
// their old values there: their retention stage goes back to 0, so the next run passes over
// them again (it finds nothing left in the record itself, bumps no version, and scrubs the
// history). Borrowers it already deleted lose their audit entries and overwritten values now.
import { sql, type Kysely } from 'kysely';

const RETAINED = ['help_requests', 'permanences', 'equipment', 'loans', 'locations', 'topics', 'partners'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of RETAINED) {
    await sql`update ${sql.table(table)} set retention_stage = 0 where retention_stage > 0`.execute(db);
  }
  const gone = await sql<{ org_id: string; id: string; data: string }>`
    select org_id, id, data from borrowers where deleted = 1`.execute(db);
  for (const b of gone.rows) {
    const data = JSON.parse(b.data) as Record<string, unknown>;
    if (data.name !== undefined || data.phone !== undefined || data.email !== undefined) continue;
    await sql`delete from merge_resolutions where org_id = ${b.org_id} and merge_id in
      (select id from merges where org_id = ${b.org_id} and table_name = 'borrowers' and record_id = ${b.id})`.execute(
      db,
    );
    for (const t of ['merges', 'audit_log'])
      await sql`delete from ${sql.table(t)} where org_id = ${b.org_id} and table_name = 'borrowers'
        and record_id = ${b.id}`.execute(db);
  }
}

export async function down(): Promise<void> {
  // Nothing to undo: the stages are found again by the next retention run.
}
