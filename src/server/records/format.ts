// Turns a stored row into the record the API returns: the device's fields plus the server's
// (serverFields in src/shared/records.ts).
import type { RecordColumns } from '../db/records.table';

/** Parses the JSON `data` column. */
export function parseData(row: Pick<RecordColumns, 'data'>): Record<string, unknown> {
  return JSON.parse(row.data) as Record<string, unknown>;
}

/** The API record of a stored row. */
export function toRecord(row: RecordColumns): Record<string, unknown> {
  return {
    ...parseData(row),
    id: row.id,
    version: row.version,
    deleted: row.deleted === 1,
    receivedAt: row.received_at,
    createdBy: row.created_by,
    orgId: row.org_id,
    reviewState: row.review_state,
    reviewComment: row.review_comment,
  };
}
