// The API reference of users.ts.
import { z } from '../../shared/zod';
import {
  createResetCodeRequest,
  createUserRequest,
  managedUser,
  resetCodeResponse,
  updateUserRequest,
  user,
  userParams,
  usersResponse,
} from '../../shared/api';
import { STAFF, type RouteDocs } from '../openapi/describe';

const tag = 'Organisations and people';
const managers =
  'Coordinators manage the volunteers of their organisation; admins its coordinators and volunteers; ' +
  'nobody manages an admin or themselves (except renaming themselves).';

export const userDocs: RouteDocs = {
  'POST /users': {
    tag,
    summary: 'Add a volunteer or coordinator to the caller’s organisation',
    description:
      'Without `password` the person cannot sign in until they choose one with a reset code ' +
      '(`POST /users/:id/reset-codes`): the coordinator never needs to know it.',
    access: STAFF,
    body: createUserRequest,
    responses: { 201: { description: 'Created.', body: z.object({ user }) } },
    errors: {
      400:
        '`validation_failed` (with `issues`): the input does not fit its schema; `weak_password` ' +
        '(see `POST /auth/password`).',
      409: '`email_taken`: the e-mail is already in use.',
    },
  },
  'GET /users': {
    tag,
    summary: 'The people of the caller’s organisation',
    description:
      '`lastSeenAt` is the last contact of any of the person’s phones or browsers; `disabledAt` is set ' +
      'while the account is disabled. Enrolled volunteers have `email: ""`.',
    access: STAFF,
    responses: { 200: { description: 'Everyone, by name.', body: usersResponse } },
  },
  'PATCH /users/:id': {
    tag,
    summary: 'Rename, change the role of, disable or re-enable a person',
    description:
      `${managers} Only an admin gives the coordinator role; nobody makes an admin this way. ` +
      '`disabled: true` revokes every token of the person (their phones then answer 401 ' +
      '`account_disabled`) and withdraws their reset codes; their later sign-in answers 401 ' +
      '`account_disabled`. `disabled: false` lets them sign in again.',
    access: STAFF,
    params: userParams,
    body: updateUserRequest,
    responses: { 200: { description: 'The person as changed.', body: z.object({ user: managedUser }) } },
    errors: {
      403: '`forbidden`: not someone the caller manages, or a role the caller may not give.',
      404: '`not_found`: no such person in the caller’s organisation.',
    },
  },
  'POST /users/:id/reset-codes': {
    tag,
    summary: 'Make a one-time link for a person to choose a new password',
    description:
      `${managers} A person added without a password who never signed in also gets their first link ` +
      'from any coordinator (so a coordinator who adds a colleague coordinator can hand them the way ' +
      'in). The code is 16 random bytes (base64url), stored hashed, valid for ' +
      '`expiresInHours` (default 24); a new code replaces the person’s unused ones. `url` is ' +
      '`<DIGITAFEL_PUBLIC_URL>/#/reset/<code>` (shown as a QR code and a link); it opens the app, which ' +
      'calls `POST /auth/reset`.',
    access: STAFF,
    params: userParams,
    body: createResetCodeRequest,
    responses: { 201: { description: 'The code and its URL.', body: resetCodeResponse } },
    errors: {
      403: '`forbidden`: not someone the caller manages.',
      404: '`not_found`: no such person in the caller’s organisation.',
      409: '`account_disabled`: enable the account first.',
    },
  },
};
