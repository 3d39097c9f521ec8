// The API reference of enrolment-codes.ts.
import {
  createEnrolmentCodeRequest,
  enrolmentCodeParams,
  enrolmentCodeResponse,
  enrolmentCodesResponse,
} from '../../shared/api';
import { STAFF, type RouteDocs } from '../openapi/describe';

export const enrolmentCodeDocs: RouteDocs = {
  'POST /enrolment-codes': {
    tag: 'Organisations and people',
    summary: 'Make a one-time code that enrols a phone as a new volunteer',
    description:
      'The code is 16 random bytes (base64url), stored hashed, valid for `expiresInHours` (default 72). ' +
      '`url` is `<DIGITAFEL_PUBLIC_URL or the request origin>/#/enrol/<code>`: shown as a QR code, it ' +
      'opens the app and enrols it (`POST /auth/enrol`). The code sits after `#`, so it never reaches a ' +
      'server log.',
    access: STAFF,
    body: createEnrolmentCodeRequest,
    responses: { 201: { description: 'The code and its URL.', body: enrolmentCodeResponse } },
  },
  'GET /enrolment-codes': {
    tag: 'Organisations and people',
    summary: 'The organisation’s pending enrolment codes',
    description:
      'Codes not used and not expired, newest first: who they were made for and until when. The codes ' +
      'themselves are not kept (only their hashes), so they cannot be shown again.',
    access: STAFF,
    responses: { 200: { description: 'The pending codes.', body: enrolmentCodesResponse } },
  },
  'DELETE /enrolment-codes/:id': {
    tag: 'Organisations and people',
    summary: 'Withdraw a pending enrolment code',
    access: STAFF,
    params: enrolmentCodeParams,
    responses: { 204: { description: 'Withdrawn: the code no longer enrols a phone.' } },
    errors: { 404: '`not_found`: no such pending code in the caller’s organisation.' },
  },
};
