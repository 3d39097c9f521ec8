// The API reference of equipment.ts.
import {
  equipmentListQuery,
  equipmentListResponse,
  equipmentPageResponse,
  equipmentParams,
  loanListQuery,
  loanListResponse,
} from '../../../shared/inventory';
import { STAFF, type RouteDocs } from '../../openapi/describe';

const tag = 'Equipment';
const paging =
  '`limit` (default 50, at most 200) per page; follow `cursor` while `hasMore`. The cursor holds the sort ' +
  'values of the last row (keyset paging): rows written meanwhile never push others off the list.';

export const equipmentDocs: RouteDocs = {
  'GET /equipment': {
    tag,
    summary: 'The inventory: items with their open loan, filtered, sorted and paged',
    description:
      '`status` and `kind` filter; `q` finds asset tags containing it (case ignored). `sort` is `tag` ' +
      '(default), `kind`, `status` or `due` (the open loan’s due date; items not on loan last), `dir` ' +
      '`asc` (default) or `desc`; ties go by asset tag. Each item comes with its open loan’s id, borrower ' +
      'code and due date (null when not on loan). `total` counts the items matching the filters, ' +
      `\`statusCounts\` the whole inventory per status. ${paging}`,
    access: STAFF,
    query: equipmentListQuery,
    responses: { 200: { description: 'A page of the inventory.', body: equipmentListResponse } },
    errors: { 400: '`validation_failed` (with `issues`); `invalid_cursor`.' },
  },
  'GET /equipment/:id': {
    tag,
    summary: 'One item with every loan of it',
    description:
      'Loans newest first (conflicting and returned ones included, cancelled ones not), each with the ' +
      'borrower’s identity (`borrower`: name, phone, e-mail; null when unknown or erased) and the name of ' +
      'who lent it (`lentBy`; null once retention dropped the link).',
    access: STAFF,
    params: equipmentParams,
    responses: { 200: { description: 'The item and its loans.', body: equipmentPageResponse } },
    errors: { 404: '`not_found`: no such item in the caller’s organisation.' },
  },
  'GET /loans': {
    tag,
    summary: 'Open loans by due bucket, most overdue first',
    description:
      '`bucket` is one of `overdue_60`, `overdue_30`, `overdue_7` (days late, Brussels calendar days), ' +
      '`overdue` (1 to 6 days), `due_soon` (due today or within 7 days), `not_due` (later, or no due ' +
      'date), `overdue_any` (every overdue loan) or `open` (default: every open loan). Order: due date, ' +
      'loans without one last. `q` finds an asset tag or borrower code containing it. Each loan comes ' +
      'with its item, bucket, borrower identity and lender’s name; `counts` gives every bucket’s number of ' +
      `open loans, whatever the page. ${paging}`,
    access: STAFF,
    query: loanListQuery,
    responses: { 200: { description: 'A page of open loans.', body: loanListResponse } },
    errors: { 400: '`validation_failed` (with `issues`); `invalid_cursor`.' },
  },
};
