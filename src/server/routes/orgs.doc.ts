// The API reference of orgs.ts.
import { z } from '../../shared/zod';
import { createOrgRequest, org, user } from '../../shared/api';
import type { RouteDocs } from '../openapi/describe';

export const orgDocs: RouteDocs = {
  'POST /orgs': {
    tag: 'Organisations and people',
    summary: 'Create an organisation with its first coordinator',
    description:
      'Every record, user and device belongs to one organisation; every query is scoped by the ' +
      'organisation of the token, never by one the client names.',
    access: ['admin'],
    body: createOrgRequest,
    responses: {
      201: { description: 'Created.', body: z.object({ org, coordinator: user }) },
    },
    errors: {
      400:
        '`validation_failed` (with `issues`): the input does not fit its schema; `weak_password` ' +
        '(see `POST /auth/password`).',
      409: '`email_taken`: the coordinator’s e-mail is already in use.',
    },
  },
};
