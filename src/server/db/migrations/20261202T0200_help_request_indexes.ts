// Every help request a phone pushes goes into each index of help_requests, and the three that
// led with (org_id, review_state | location_id | created_by) then `occurred_at` each put a
// backfilled record (a date months back) on a random index page: they made the push of scattered
// dates several times slower (issue 12). The coordinator's queries that filter or sort help
// requests by time (review inbox, exports, retention; see `npx tsx tests/bench/query-plans.ts`)
// are served by (org_id, occurred_at) alone: the inbox walks it newest first and filters the
// state, place or volunteer on the way (src/server/coordinator/records.query.ts sorts on the
// plain column for this), so these three go.
import type { Kysely } from 'kysely';

const DROPPED: Array<[string, string[]]> = [
  ['help_requests_org_review_state_occurred_at', ['org_id', 'review_state', 'occurred_at']],
  ['help_requests_org_location_id_occurred_at', ['org_id', 'location_id', 'occurred_at']],
  ['help_requests_org_created_by_occurred_at', ['org_id', 'created_by', 'occurred_at']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name] of DROPPED) await db.schema.dropIndex(name).ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name, columns] of DROPPED) {
    await db.schema.createIndex(name).ifNotExists().on('help_requests').columns(columns).execute();
  }
}
