// The API reference of auth.ts (see src/server/openapi/describe.ts).
import {
  changePasswordRequest,
  codeCheckRequest,
  codeCheckResponse,
  enrolRequest,
  loginRequest,
  resetRequest,
  session,
} from '../../shared/api';
import { SIGNED_IN, type RouteDocs } from '../openapi/describe';

const tag = 'Auth';
const attempts =
  '`too_many_attempts` (with `Retry-After`): attempts are counted before the password is checked, ' +
  'in the database (every instance shares them): 10 per account and address, 100 per account, 50 per ' +
  'address in 15 minutes (a success gives its count back); `rate_limited`: over 100 requests a minute ' +
  'from one address.';
const codeAttempts =
  '`too_many_attempts` (with `Retry-After`): codes are counted per first four characters and address ' +
  '(10), per first four characters (50) and per address (50) in 15 minutes, so one person’s typos on a ' +
  'shared Wi-Fi do not lock out other phones there; `rate_limited`: over 100 requests a minute.';
const weak =
  '`validation_failed` (with `issues`), `invalid_json`: the input does not fit its schema; ' +
  '`weak_password`: fewer than 12 characters, the person’s name or e-mail in it, or common or easily ' +
  'guessed (zxcvbn-ts with Dutch, French and English dictionaries). `issues[0]` is ' +
  '`{code: "weak_password", path, reason}` with `reason` one of `too_short`, `personal`, `common`, ' +
  '`pattern`, `guessable`.';

export const authDocs: RouteDocs = {
  'POST /auth/login': {
    tag,
    summary: 'Sign in with e-mail and password',
    description:
      'Each sign-in enrols a new app install ("device") with its own token (32 random bytes, base64url; ' +
      'the server keeps only its SHA-256). Send it as `Authorization: Bearer <token>`. A token unused ' +
      'for `DIGITAFEL_TOKEN_IDLE_DAYS` (volunteers, default 90) or `DIGITAFEL_STAFF_TOKEN_IDLE_DAYS` ' +
      '(coordinators and admins, default 14) stops working.',
    access: 'public',
    body: loginRequest,
    responses: {
      200: { description: 'Signed in: the token, the new device id and the user.', body: session },
    },
    errors: {
      401:
        '`invalid_credentials`: wrong e-mail or password; `account_disabled`: the right password of an ' +
        'account a coordinator disabled.',
      429: attempts,
    },
  },
  'POST /auth/enrol': {
    tag,
    summary: 'Enrol a phone with a one-time enrolment code',
    description:
      'The code comes from `POST /enrolment-codes` (usually scanned as the QR of its URL ' +
      '`<origin>/#/enrol/<code>`). It is single use and expires. Enrolment creates a volunteer without ' +
      'e-mail (`email: ""` in the answer) named as the code says, and a device for this phone.',
    access: 'public',
    body: enrolRequest,
    responses: { 200: { description: 'Enrolled: same body as a sign-in.', body: session } },
    errors: { 401: '`invalid_enrolment_code`: unknown, used or expired.', 429: codeAttempts },
  },
  'POST /auth/enrol/check': {
    tag,
    summary: 'Whose an enrolment code is, without using it',
    description:
      'The organisation and the name the code was made for, so the phone can show them and ask before ' +
      'enrolling (a code can come from a coordinator of another organisation on the same server).',
    access: 'public',
    body: codeCheckRequest,
    responses: { 200: { description: 'The code is valid.', body: codeCheckResponse } },
    errors: { 401: '`invalid_enrolment_code`: unknown, used or expired.', 429: codeAttempts },
  },
  'POST /auth/reset/check': {
    tag,
    summary: 'Whose a password reset code is, without using it',
    description:
      'The organisation and the name of the account, for the phone to show before asking for a password.',
    access: 'public',
    body: codeCheckRequest,
    responses: { 200: { description: 'The code is valid.', body: codeCheckResponse } },
    errors: {
      401: '`invalid_reset_code`: unknown, used or expired; `account_disabled`.',
      429: codeAttempts,
    },
  },
  'POST /auth/reset': {
    tag,
    summary: 'Choose a new password with a one-time reset code, and sign in',
    description:
      'The code comes from `POST /users/:id/reset-codes` (its URL `<origin>/#/reset/<code>` opens the ' +
      'app). It works once. The password is checked before the code is used, so a refused password ' +
      'leaves the code working. Every other sign-in of the account ends; the answer is a new session, ' +
      'like a sign-in (this is also how a volunteer enrolled by QR code, who has no password, gets back in).',
    access: 'public',
    body: resetRequest,
    responses: { 200: { description: 'Password set and signed in.', body: session } },
    errors: {
      400: weak,
      401: '`invalid_reset_code`: unknown, used or expired; `account_disabled`.',
      429: codeAttempts,
    },
  },
  'POST /auth/password': {
    tag,
    summary: 'Change the caller’s password',
    description:
      'The old password stops working and every other sign-in of the caller ends (this one stays). ' +
      'Wrong current passwords count like failed sign-ins (10 in 15 minutes).',
    access: SIGNED_IN,
    body: changePasswordRequest,
    responses: { 204: { description: 'Changed.' } },
    errors: {
      400: weak,
      401: '`invalid_credentials`: the current password is wrong.',
      429: '`too_many_attempts` (with `Retry-After`).',
    },
  },
  'POST /auth/logout': {
    tag,
    summary: 'Sign out: the caller’s token stops working',
    access: SIGNED_IN,
    responses: { 204: { description: 'Signed out.' } },
  },
};
