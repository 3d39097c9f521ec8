// The API reference of devices.ts.
import { devicesResponse } from '../../shared/api';
import { SIGNED_IN, STAFF, type RouteDocs } from '../openapi/describe';
import { deviceParams } from './devices';

const tag = 'Organisations and people';

export const deviceDocs: RouteDocs = {
  'GET /devices': {
    tag,
    summary: 'The organisation’s enrolled phones and browsers',
    description: '`lastSeenAt` is updated at most once a minute per device.',
    access: STAFF,
    responses: { 200: { description: 'Every device, revoked ones included.', body: devicesResponse } },
  },
  'DELETE /devices/:deviceId': {
    tag,
    summary: 'Revoke a device: its token gets 401 from then on',
    description:
      'Everyone revokes their own devices; coordinators those of the volunteers of their organisation, ' +
      'admins those of its coordinators and volunteers (a coordinator not the admin’s). ' +
      'A revoked phone says so at its next sync and keeps its unsent records.',
    access: SIGNED_IN,
    params: deviceParams,
    responses: { 204: { description: 'Revoked.' } },
    errors: {
      403: '`forbidden`: the device of someone the caller does not manage.',
      404: '`not_found`: no such device in the caller’s organisation.',
    },
  },
};
