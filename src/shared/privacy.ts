// Shapes of the data-protection routes (GET /borrowers/:code/export, GET /retention/status), used
// by the server's API reference and the workspace's Data protection page.
import { referenceNames } from './references';
import { z } from './zod';

const record = z.record(z.string(), z.unknown());

/** One coordinator change of a record: the changed fields before and after. */
export const exportedChange = z.object({
  table: z.enum(['borrowers', 'loans']),
  recordId: z.string(),
  at: z.string(),
  /** Who made the change (a user of the organisation; null when unknown). */
  userId: z.string().nullable(),
  before: record.nullable(),
  after: record.nullable(),
});

/** A value a later write from another phone overwrote (kept for review). */
export const exportedOverwrite = z.object({
  table: z.enum(['borrowers', 'loans']),
  recordId: z.string(),
  at: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});

/** Everything held about one borrower (GDPR article 15). */
export const borrowerExport = z.object({
  exportedAt: z.string(),
  borrowerCode: z.string(),
  /** The live borrower record (null once erased or never recorded). */
  borrower: record.nullable(),
  /** Every borrower record under the code that still holds identity (older data may hold two). */
  borrowers: z.array(record),
  loans: z.array(record),
  changes: z.array(exportedChange),
  overwritten: z.array(exportedOverwrite),
  /** Names of the items (asset tags), people, places and partners the records point to. */
  names: referenceNames,
});
export type BorrowerExport = z.infer<typeof borrowerExport>;

export const retentionStatus = z.object({
  withinDays: z.number().int(),
  due: z.object({
    helpRequestNotes: z.number().int(),
    helpRequestLinks: z.number().int(),
    permanenceNotes: z.number().int(),
    borrowersWithEndedLoans: z.number().int(),
  }),
  lastRun: z.object({ ranAt: z.string(), summary: z.record(z.string(), z.number()) }).nullable(),
});
export type RetentionStatus = z.infer<typeof retentionStatus>;
