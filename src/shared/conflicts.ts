// Shapes of GET /conflicts: loans in conflict with the open loan they collide with, and values a
// stale write overwrote, each with the names a coordinator needs to understand it (who lent to
// whom, who wrote which value and when, the names of the places, partners and items the values
// point at). The resolution body is `conflictResolution` in review.ts.
import { z } from './zod';
import { equipmentSummary, loanEntry } from './inventory';
import { tableName } from './records';

/** `?cursor&limit` page the overwritten values (loans in conflict are few and come in full). */
export const conflictsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(400).optional(),
});
export type ConflictsQuery = z.infer<typeof conflictsQuery>;

export const loanConflict = loanEntry.extend({
  equipment: equipmentSummary.nullable(),
  /** The open loan(s) of the same item this loan collides with. */
  openLoans: z.array(loanEntry),
});
export type LoanConflict = z.infer<typeof loanConflict>;

export const mergeConflict = z.object({
  id: z.string(),
  table: tableName,
  recordId: z.string(),
  field: z.string(),
  /** The value that was overwritten, who wrote it and when (null when not known). */
  oldValue: z.unknown(),
  overwrittenBy: z.string().nullable(),
  overwrittenAt: z.string().nullable(),
  /** The value now in place, who wrote it and when. */
  newValue: z.unknown(),
  writtenBy: z.string().nullable(),
  at: z.string(),
  /** The record as it is now (null when it was deleted since). */
  record: z.record(z.string(), z.unknown()).nullable(),
});
export type MergeConflict = z.infer<typeof mergeConflict>;

const nameMap = z.record(z.string(), z.string());

export const conflictsResponse = z.object({
  loans: z.array(loanConflict),
  merges: z.array(mergeConflict),
  /** Overwritten values not yet answered, all pages together. */
  mergesTotal: z.number().int(),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
  /** Names of the ids the records and values above point at. */
  names: z.object({ locations: nameMap, partners: nameMap, equipment: nameMap, users: nameMap }),
});
export type ConflictsResponse = z.infer<typeof conflictsResponse>;
export type ConflictNames = ConflictsResponse['names'];
