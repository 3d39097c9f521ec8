// Stored help-request rows exactly as the push path writes them (src/server/sync/apply.ts
// `write`: the record columns, JSON `data`, and the indexed columns from extraColumns), for
// benchmarks that fill a database directly.
import type { HelpRequestInput } from '../../src/shared/records';
import { extraColumns } from '../../src/server/records/columns';
import { COMMON_COLUMNS } from '../../src/server/sync/pull';

/** Column order of the direct inserts. */
export const HELP_COLUMNS = [...COMMON_COLUMNS, 'occurred_at', 'location_id', 'channel', 'outcome'] as const;

export type HelpRow = Record<(typeof HELP_COLUMNS)[number], string | number | null>;

/** The row a first push of `record` stores (version 1, not deleted, review state new). */
export function helpRow(
  record: HelpRequestInput,
  at: { orgId: string; seq: number; userId: string; deviceId: string },
): HelpRow {
  const data = record as unknown as Record<string, unknown>;
  const received = new Date(Date.parse(record.occurredAt) + 5 * 60_000).toISOString();
  const extra = extraColumns('help_requests', data, false);
  return {
    org_id: at.orgId,
    id: record.id,
    version: 1,
    seq: at.seq,
    deleted: 0,
    data: JSON.stringify(data),
    created_by: at.userId,
    last_device_id: at.deviceId,
    received_at: received,
    review_state: 'new',
    review_comment: null,
    retention_stage: 0,
    occurred_at: extra.occurred_at ?? null,
    location_id: extra.location_id ?? null,
    channel: extra.channel ?? null,
    outcome: extra.outcome ?? null,
  };
}
