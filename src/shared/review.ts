// Request shapes of the coordinator routes (review, conflicts, reports, exports): record filters,
// review changes and corrections, bulk review, conflict resolution. Used by the server routes
// and the coordinator UI alike.
import { z } from './zod';
import { isoInstant, reviewState, tableName, topicKey, uuid } from './records';
import { isoDay } from './report';

/** A bound of a period: a real calendar day (Brussels; `2026-02-30` is refused) or an instant. */
export const periodBound = z.union([isoDay, isoInstant]);

/**
 * Orders of the review inbox: `when` (the record's time; the default, newest first), `where`
 * (place name), `outcome`, `volunteer` (name), `state` (review state). Ties go by time, then id.
 */
export const RECORD_SORTS = ['when', 'where', 'outcome', 'volunteer', 'state'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

export const recordsQuery = z.strictObject({
  sort: z.enum(RECORD_SORTS).optional(),
  /** `desc` by default for `when`, `asc` for the others. */
  dir: z.enum(['asc', 'desc']).optional(),
  /** Help requests only: `true` those that need a follow-up, `false` those that do not. */
  followUp: z.enum(['true', 'false']).optional(),
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

/** `<table>.csv` or `<table>.xlsx` (a spreadsheet with typed cells). */
export const exportParams = z.strictObject({
  file: z.string().regex(/^[a-z_]+\.(csv|xlsx)$/, 'expected <table>.csv or <table>.xlsx'),
});
/**
 * `format=readable` (the default): words and names in `lang` (the coordinator's language by
 * default), Brussels date and time in their own columns. `format=raw`: keys, ids and ISO
 * instants, for joining tables.
 */
export const exportQuery = z.strictObject({
  from: periodBound.optional(),
  to: periodBound.optional(),
  format: z.enum(['readable', 'raw']).optional(),
  lang: z.enum(['nl', 'fr', 'en']).optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const borrowerParams = z.strictObject({ code: z.string().trim().min(1).max(40) });

/** Tables a coordinator creates records in directly (online, without a phone's outbox). */
export const CREATABLE_TABLES = [
  'locations',
  'topics',
  'partners',
  'equipment',
  'borrowers',
  'fiches',
] as const;
export const createParams = z.strictObject({ table: z.enum(CREATABLE_TABLES) });
export const createBody = z.strictObject({ record: z.record(z.string(), z.unknown()) });

/** GET /security-events: a period (days or instants), newest first, paged by `cursor`. */
export const securityEventsQuery = z.strictObject({
  from: periodBound.optional(),
  to: periodBound.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(300).optional(),
});
