// Request and response shapes of the coordinator's equipment and loan routes (GET /equipment,
// GET /equipment/:id, GET /loans): the inventory with its current loan, an item's page with its
// loan history, and open loans by due bucket with the borrower's identity. Lists page with an
// opaque keyset cursor, so nothing drops off past a fixed cap. Used by the server and the
// coordinator workspace alike.
import { z } from './zod';
import {
  EQUIPMENT_KINDS,
  EQUIPMENT_STATUSES,
  equipmentInput,
  loanInput,
  serverFields,
  uuid,
} from './records';

export const EQUIPMENT_SORTS = ['tag', 'kind', 'status', 'due'] as const;
export type EquipmentSort = (typeof EQUIPMENT_SORTS)[number];

const limit = z.coerce.number().int().min(1).max(200).optional();
const cursor = z.string().max(400).optional();

/** `GET /equipment?status&kind&q&sort&dir&limit&cursor`. `q` finds asset tags containing it. */
export const equipmentListQuery = z.strictObject({
  status: z.enum(EQUIPMENT_STATUSES).optional(),
  kind: z.enum(EQUIPMENT_KINDS).optional(),
  q: z.string().trim().max(40).optional(),
  sort: z.enum(EQUIPMENT_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  limit,
  cursor,
});
export type EquipmentListQuery = z.infer<typeof equipmentListQuery>;

/**
 * Due buckets of open loans (src/shared/loan-rules.ts overdueBucket), plus `overdue_any` (every
 * overdue loan) and `open` (every open loan).
 */
export const LOAN_BUCKETS = [
  'overdue_60',
  'overdue_30',
  'overdue_7',
  'overdue',
  'due_soon',
  'not_due',
] as const;
export type LoanBucket = (typeof LOAN_BUCKETS)[number];
export const LOAN_VIEWS = [...LOAN_BUCKETS, 'overdue_any', 'open'] as const;
export type LoanView = (typeof LOAN_VIEWS)[number];

/** `GET /loans?bucket&q&limit&cursor`: open loans, most overdue first. `q`: asset tag or borrower code. */
export const loanListQuery = z.strictObject({
  bucket: z.enum(LOAN_VIEWS).optional(),
  q: z.string().trim().max(40).optional(),
  limit,
  cursor,
});
export type LoanListQuery = z.infer<typeof loanListQuery>;

export const equipmentParams = z.strictObject({ id: uuid });

// Loose: a record written by an older or newer app version may carry a field this one lacks.
export const equipmentRecord = z.looseObject({ ...equipmentInput.shape, ...serverFields.shape });
/** A loan as stored; retention removes `borrowerCode` a year after the loan (hence optional). */
export const loanRecord = z.looseObject({
  ...loanInput.shape,
  ...serverFields.shape,
  borrowerCode: loanInput.shape.borrowerCode.optional(),
});
export type EquipmentRecord = z.infer<typeof equipmentRecord>;
export type LoanRecord = z.infer<typeof loanRecord>;

/** Who borrowed: the identity a coordinator sees (null once erased or never recorded). */
export const borrowerIdentity = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type BorrowerIdentity = z.infer<typeof borrowerIdentity>;

/** What an item is, in short, next to a loan. */
export const equipmentSummary = z.object({
  id: z.string(),
  assetTag: z.string(),
  kind: z.enum(EQUIPMENT_KINDS),
  make: z.string().nullable(),
  model: z.string().nullable(),
});
export type EquipmentSummary = z.infer<typeof equipmentSummary>;

/** A loan with names: the borrower's identity and the name of who lent it. */
export const loanEntry = z.object({
  loan: loanRecord,
  borrower: borrowerIdentity.nullable(),
  /** The name of the volunteer or coordinator who lent it (null after retention or unknown). */
  lentBy: z.string().nullable(),
});
export type LoanEntry = z.infer<typeof loanEntry>;

export const equipmentListItem = z.object({
  equipment: equipmentRecord,
  /** The open loan of the item, if any. */
  loan: z
    .object({ id: z.string(), borrowerCode: z.string().nullable(), dueAt: z.string().nullable() })
    .nullable(),
});
export type EquipmentListItem = z.infer<typeof equipmentListItem>;

export const equipmentListResponse = z.object({
  items: z.array(equipmentListItem),
  /** Items matching the filters, all pages together. */
  total: z.number().int(),
  /** Items per status in the whole inventory (the filter shows them). */
  statusCounts: z.record(z.string(), z.number().int()),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type EquipmentListResponse = z.infer<typeof equipmentListResponse>;

export const equipmentPageResponse = z.object({
  equipment: equipmentRecord,
  /** Every loan of the item, newest first. */
  loans: z.array(loanEntry),
});
export type EquipmentPageResponse = z.infer<typeof equipmentPageResponse>;

export const loanListItem = loanEntry.extend({
  equipment: equipmentSummary.nullable(),
  bucket: z.enum(LOAN_BUCKETS),
});
export type LoanListItem = z.infer<typeof loanListItem>;

export const loanListResponse = z.object({
  loans: z.array(loanListItem),
  /** Open loans per bucket (all of them, whatever page or search). */
  counts: z.record(z.enum(LOAN_BUCKETS), z.number().int()),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type LoanListResponse = z.infer<typeof loanListResponse>;
