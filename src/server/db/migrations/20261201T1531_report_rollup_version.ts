// The report rollup learnt new dimensions (did it themselves, referral partners, service
// signals). Each organisation's report_state now says which version of helpFacts its rollup was
// built with; the rollup (src/server/coordinator/report-rollup.ts) rebuilds an organisation whose
// version is older than ROLLUP_VERSION. Existing rows start at 1, so they are rebuilt once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('report_state')
    .addColumn('rollup_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('report_state').dropColumn('rollup_version').execute();
}
