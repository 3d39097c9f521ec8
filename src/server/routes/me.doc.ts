// The API reference of me.ts.
import { z } from '../../shared/zod';
import { meResponse, org, orgPatchRequest } from '../../shared/api';
import { SIGNED_IN, STAFF, type RouteDocs } from '../openapi/describe';

export const meDocs: RouteDocs = {
  'GET /me': {
    tag: 'Auth',
    summary: 'Who the token belongs to, and their organisation',
    description:
      'The organisation comes with `privacyContact` (null until a coordinator sets it): whom people ' +
      'ask about their data, shown in the visitor and borrower information texts on the phone.',
    access: SIGNED_IN,
    responses: { 200: { description: 'The user and organisation.', body: meResponse } },
  },
  'PATCH /org': {
    tag: 'Organisations and people',
    summary: 'Set whom people ask about their data (the caller’s organisation)',
    description:
      'The contact (an e-mail address, phone number or postal address, at most 300 characters) ' +
      'printed in the information texts for visitors and borrowers (GDPR art. 13). An empty ' +
      'string or null clears it. Phones read it from `GET /me` at their next start.',
    access: STAFF,
    body: orgPatchRequest,
    responses: { 200: { description: 'The organisation as it is now.', body: z.object({ org }) } },
  },
};
