// The API reference of conflicts.ts.
import { z } from '../../../shared/zod';
import { conflictResolution } from '../../../shared/review';
import { STAFF, type RouteDocs } from '../../openapi/describe';
import { conflictsQuery, conflictsResponse } from '../../../shared/conflicts';
import { apiRecord } from '../../openapi/schemas';
import { conflictParams } from './conflicts';

const tag = 'Conflicts';

export const conflictDocs: RouteDocs = {
  'GET /conflicts': {
    tag,
    summary: 'Loans in conflict and overwritten values nobody has settled',
    description:
      'A loan in conflict is a second open loan of one item; it comes with the item and the open loans it ' +
      'collides with, each with the borrower’s identity (`borrower`, null when unknown or erased) and the ' +
      'name of who lent it (`lentBy`). Every loan in conflict is listed. An overwritten value is what a ' +
      'stale write replaced when two phones changed one record (the later arrival won): it names who wrote ' +
      'each side and when (`overwrittenBy`/`overwrittenAt`, `writtenBy`/`at`; null when not known) and ' +
      'carries the record as it is now. They come newest first, `limit` (default 50) per page, with ' +
      '`mergesTotal` and a `cursor` for the next page. `names` maps the ids of places, partners, items ' +
      '(asset tag) and users that the records and values point at to their names.',
    access: STAFF,
    query: conflictsQuery,
    responses: { 200: { description: 'The queue.', body: conflictsResponse } },
  },
  'POST /conflicts/:id/resolve': {
    tag,
    summary: 'Settle a loan in conflict or an overwritten value',
    description:
      '`id` is a loan in conflict or an overwritten value. Loan: `choose` `incoming` (this loan stands, the ' +
      'other open loan ends when it started) or `existing` (this loan is cancelled); `edit` applies ' +
      'changes to it; `cancel` cancels it. Overwritten value: `choose` `incoming` keeps the current ' +
      'value, `existing` restores the overwritten one; `edit` sets the field; `cancel` dismisses it. ' +
      'Every write is a new version with an audit entry.',
    access: STAFF,
    params: conflictParams,
    body: conflictResolution,
    responses: {
      200: {
        description: 'The loan after settling (null when cancelled), or the overwritten value settled.',
        body: z.union([
          z.object({ loan: apiRecord.nullable() }),
          z.object({ id: z.string(), record: apiRecord.nullable(), resolution: z.string() }),
        ]),
      },
    },
    errors: {
      404: '`not_found`: no such conflict in the caller’s organisation.',
      409: '`not_in_conflict`: the loan is not (or no longer) in conflict.',
    },
  },
};
