// The API reference of review.ts.
import { z } from '../../../shared/zod';
import {
  bulkReview,
  createBody,
  createParams,
  recordParams,
  recordsQuery,
  reviewPatch,
  tableParams,
} from '../../../shared/review';
import { STAFF, type RouteDocs } from '../../openapi/describe';
import { apiRecord, recordDetail, recordsPage } from '../../openapi/schemas';

const tag = 'Review';
const notFound =
  '`not_found`: no such record in the caller’s organisation (another organisation’s id answers the same).';
const audited =
  'Every change writes a new version (so phones see it on their next pull) and an audit entry (who, when, the fields before and after).';

export const reviewDocs: RouteDocs = {
  'GET /records/:table': {
    tag,
    summary: 'A page of records of one table, newest first',
    description:
      '`from` and `to` are Brussels calendar days (`to` included) or instants, on the table’s time ' +
      '(help requests `occurredAt`, permanences `startedAt`, others `receivedAt`). `topic` and `followUp` ' +
      'filter help requests only; "has issues" is `reviewState=has_issues`. Tombstones are left out. ' +
      '`sort` orders on the server (`when` newest first by default; `where` by place name, `outcome`, ' +
      '`volunteer` by name, `state`; `dir` flips it) and the cursor continues that order, so every ' +
      'record is reached page by page. `limit` defaults to 50.',
    access: STAFF,
    params: tableParams,
    query: recordsQuery,
    responses: { 200: { description: 'A page; follow `cursor` while `hasMore`.', body: recordsPage } },
    errors: {
      400:
        '`validation_failed`, `invalid_cursor` (also a cursor of another order), `invalid_filter` (`from` ' +
        'after `to`; `topic`, `followUp` or `sort=outcome` on a table other than help requests; ' +
        '`sort=where` or `locationId` on a table without places).',
    },
  },
  'GET /records/:table/:id': {
    tag,
    summary: 'One record with its audit trail and the values stale writes overwrote',
    access: STAFF,
    params: recordParams,
    responses: { 200: { description: 'The record.', body: recordDetail } },
    errors: { 404: notFound },
  },
  'PATCH /records/:table/:id': {
    tag,
    summary: 'Set the review state or comment, or correct fields',
    description: `${audited} \`changes\` are validated with the table's input schema after they are applied; \`null\` removes an optional field.`,
    access: STAFF,
    params: recordParams,
    body: reviewPatch,
    responses: { 200: { description: 'The new version.', body: z.object({ record: apiRecord }) } },
    errors: {
      404: notFound,
      400:
        '`validation_failed` (with `issues`), `invalid_json`: the input does not fit its schema, or the ' +
        'correction changes a topic’s `key` (issue path `key`: a topic keeps its key).',
      409:
        '`loan_conflict`: the correction would open a second loan of one item. `name_taken`, ' +
        '`asset_tag_taken`, `borrower_code_taken`: as for `POST /records/{table}`.',
    },
  },
  'POST /records/:table/review': {
    tag,
    summary: 'Set the review state of many records at once',
    description: `${audited} Records already in that state (and no comment given) are left alone.`,
    access: STAFF,
    params: tableParams,
    body: bulkReview,
    responses: {
      200: { description: 'How many records changed.', body: z.object({ updated: z.number().int() }) },
    },
    errors: { 404: `${notFound} Nothing is changed then.` },
  },
  'POST /records/:table': {
    tag,
    summary: 'Create a place, topic, partner, equipment item or borrower online',
    description:
      'For the tables a coordinator keeps from the laptop (no outbox): the record is validated with its ' +
      `table's input schema; the server makes the \`id\` when the record has none. A topic may come ` +
      'without `key`: the server derives one from its names (the first of `labels.en`, `nl`, `fr`), ' +
      'unique in the organisation (built-in and removed topics’ keys included). ' +
      `${audited}`,
    access: STAFF,
    params: createParams,
    body: createBody,
    responses: { 201: { description: 'Created.', body: z.object({ record: apiRecord }) } },
    errors: {
      409:
        '`id_taken`: a record with this id exists. `name_taken`: a live place or partner has this name, or ' +
        'a topic this name in that language (built-in topics included; case, accents and spaces ignored). ' +
        '`asset_tag_taken`: an item has this asset tag. `borrower_code_taken`: another live borrower has ' +
        'this borrower code. Each carries an issue whose `path` names the field.',
    },
  },
};
