// The API reference of data-protection.ts.
import { z } from '../../../shared/zod';
import { role } from '../../../shared/api';
import { borrowerExport, retentionStatus } from '../../../shared/privacy';
import { borrowerParams } from '../../../shared/review';
import { STAFF, type RouteDocs } from '../../openapi/describe';

const tag = 'Data protection';
const noBorrower = '`not_found`: no borrower and no loan with this code in the caller’s organisation.';

export const privacyDocs: RouteDocs = {
  'GET /retention/status': {
    tag,
    summary: 'What the retention job will change in the next 30 days, and its last run',
    description:
      'Each instance runs the retention job at start and hourly: free text cleared 26 weeks after ' +
      '`occurredAt` / `startedAt` / the end of the loan; pseudonym links (`visitorCode`, ' +
      '`borrowerCode`, `createdBy`) dropped after 12 months; a borrower’s identity deleted 182 days ' +
      'after their last loan ended (none open). Every change is a new version. The same fields go ' +
      'from the audit trail and the overwritten values of those records, and a deleted borrower’s ' +
      'audit entries and overwritten values go with them.',
    access: STAFF,
    responses: {
      200: {
        description: 'Counts due and the last run.',
        body: retentionStatus,
      },
    },
  },
  'GET /borrowers/:code/export': {
    tag,
    summary: 'Everything held about one borrower (right of access)',
    description:
      'Every borrower record under the code that still holds identity, their loans, and the history ' +
      'of both while it exists: coordinators’ corrections (`changes`, fields before and after) and ' +
      'values a stale write overwrote (`overwritten`), which may hold an earlier name or phone. ' +
      '`borrower` is the live record (null once erased). `names` gives the asset tags of the items ' +
      'and the names of the people (who lent, who made each change: `userId`) the records point to, ' +
      'so the document reads without ids; the workspace shows it in words and prints it, and this ' +
      'JSON is the copy for a computer. Each call is recorded as a `borrower_exported` security event.',
    access: STAFF,
    params: borrowerParams,
    responses: {
      200: {
        description: 'The borrower, their loans and the history of both, as a document to hand over.',
        body: borrowerExport,
      },
    },
    errors: { 404: noBorrower },
  },
  'POST /borrowers/:code/erase': {
    tag,
    summary: 'Erase a borrower’s identity now (right to erasure)',
    description:
      'Every borrower record under the code becomes a tombstone without fields; their audit entries ' +
      'and overwritten values (the `merges` behind GET /conflicts) are deleted, so the identity is ' +
      'in no table any more (the erasure entry keeps none). Loans keep their pseudonymous code. ' +
      'Borrower codes are unique among live borrowers (a second one is `borrower_code_taken`: 409 ' +
      'in the workspace, `rejected` in a push), so the code names one person.',
    access: STAFF,
    params: borrowerParams,
    responses: {
      200: {
        description: '`erased: false` when only loans carry the code (no identity held).',
        body: z.object({ erased: z.boolean() }),
      },
    },
    errors: { 404: noBorrower },
  },
  'GET /people': {
    tag: 'Organisations and people',
    summary: 'The organisation’s users, for names and filters',
    access: STAFF,
    responses: {
      200: {
        description: 'Every user, by name.',
        body: z.object({
          users: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), role })),
        }),
      },
    },
  },
};
