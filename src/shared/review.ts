// Request shapes of the coordinator routes (API.md "Review and reports"): record filters,
// review changes and corrections, bulk review, conflict resolution. Used by the server routes
// and the coordinator UI alike.
import { z } from './zod';
import { isoInstant, reviewState, tableName, topicKey, uuid } from './records';

/** A bound of a period: a calendar day (Brussels) or an instant. */
export const periodBound = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD or an ISO-8601 instant'),
  isoInstant,
]);

export const recordsQuery = z.strictObject({
  from: periodBound.optional(),
  to: periodBound.optional(),
  locationId: uuid.optional(),
  reviewState: reviewState.optional(),
  createdBy: z.string().min(1).max(64).optional(),
  topic: topicKey.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(300).optional(),
});
export type RecordsQuery = z.infer<typeof recordsQuery>;

export const recordParams = z.strictObject({ table: tableName, id: uuid });
export const tableParams = z.strictObject({ table: tableName });

export const reviewPatch = z
  .strictObject({
    reviewState: reviewState.optional(),
    reviewComment: z.string().trim().max(2000).nullable().optional(),
    changes: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((p) => p.reviewState !== undefined || p.reviewComment !== undefined || p.changes !== undefined, {
    message: 'nothing to change: give reviewState, reviewComment or changes',
  });
export type ReviewPatch = z.infer<typeof reviewPatch>;

export const bulkReview = z.strictObject({
  ids: z.array(uuid).min(1).max(500),
  reviewState,
  reviewComment: z.string().trim().max(2000).nullable().optional(),
});
export type BulkReview = z.infer<typeof bulkReview>;

/**
 * How a conflict is settled. Loan in conflict: `choose` `incoming` (this loan stands, the other
 * open loan is closed) or `existing` (this loan is cancelled); `edit` applies changes to it;
 * `cancel` cancels it. Overwritten value: `choose` `incoming` keeps the current value,
 * `existing` restores the overwritten one; `edit` sets the field; `cancel` dismisses it.
 */
export const conflictResolution = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('choose'), keep: z.enum(['incoming', 'existing']) }),
  z.strictObject({ action: z.literal('edit'), changes: z.record(z.string(), z.unknown()) }),
  z.strictObject({ action: z.literal('cancel') }),
]);
export type ConflictResolution = z.infer<typeof conflictResolution>;

export const exportParams = z.strictObject({
  file: z.string().regex(/^[a-z_]+\.csv$/, 'expected <table>.csv'),
});
export const exportQuery = z.strictObject({ from: periodBound.optional(), to: periodBound.optional() });

export const borrowerParams = z.strictObject({ code: z.string().trim().min(1).max(40) });

/** Tables a coordinator creates records in directly (online, without a phone's outbox). */
export const CREATABLE_TABLES = ['locations', 'topics', 'partners', 'equipment', 'borrowers'] as const;
export const createParams = z.strictObject({ table: z.enum(CREATABLE_TABLES) });
export const createBody = z.strictObject({ record: z.record(z.string(), z.unknown()) });
