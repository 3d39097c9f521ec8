// The API reference of security-events.ts.
import { securityEventsResponse } from '../../shared/api';
import { securityEventsQuery } from '../../shared/review';
import { STAFF, type RouteDocs } from '../openapi/describe';

export const securityEventDocs: RouteDocs = {
  'GET /security-events': {
    tag: 'Organisations and people',
    summary: 'The security log: sign-in failures, accounts, passwords, exports, borrower data requests',
    description:
      'Newest first. Coordinators see their organisation’s events; admins every organisation’s and ' +
      'the events of none (`org: null`: a sign-in with an unknown e-mail). Kinds: `sign_in_failed` ' +
      '(`details.reason`: `wrong_password`, `unknown_account`, `account_disabled`, ' +
      '`wrong_current_password`), `enrolment_failed`, `reset_failed`, `user_created`, `user_disabled`, ' +
      '`user_enabled`, `role_changed` (`details.role`), `password_changed`, `reset_code_created`, ' +
      '`password_reset`, `export` (`details.table`, `format`, `from`, `to`), `borrower_exported`, ' +
      '`borrower_erased`. `actor` did it; `subject` is the account concerned. Never a password, token, ' +
      'code, typed e-mail, address, or anything about visitors or borrowers. Kept one year, append-only. ' +
      '`from`/`to` are Brussels days or instants; `limit` 1..500 (default 100); follow `cursor` while ' +
      '`hasMore`.',
    access: STAFF,
    query: securityEventsQuery,
    responses: { 200: { description: 'A page of events.', body: securityEventsResponse } },
    errors: { 400: '`invalid_cursor`: a cursor this server did not make.' },
  },
};
