// The enrolled phones (GET /devices) with last seen, and revoke (DELETE /devices/:id): the
// revoked phone's next sync is refused with 401.
import { useState } from 'preact/hooks';
import { useSession } from '../../session';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct, when } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';

interface Device {
  deviceId: string;
  label: string | null;
  userId: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** The device table; `names` maps user ids to names. */
export function Devices({ names }: { names: Map<string, string> }) {
  const devices = useLoad(() => call<{ devices: Device[] }>('GET', '/devices'), []);
  const [notice, setNotice] = useState('');
  // Revoking the laptop in use would sign the coordinator out mid-task: it has no button.
  const session = useSession();
  const revoke = async (id: string) => {
    if (!window.confirm(ct('people.confirmRevoke'))) return;
    try {
      await call('DELETE', `/devices/${encodeURIComponent(id)}`);
      devices.reload();
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  return (
    <>
      <h2 id="devices-title">{ct('people.devices')}</h2>
      <p role="alert">{notice}</p>
      <Status error={devices.error} loading={!devices.data} />
      <table aria-labelledby="devices-title">
        <thead>
          <tr>
            <th>{ct('filter.volunteer')}</th>
            <th>{ct('people.deviceLabel')}</th>
            <th>{ct('people.lastSeen')}</th>
            <th>
              <span class="visually-hidden">{ct('people.revoke')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(devices.data?.devices ?? []).map((d) => (
            <tr key={d.deviceId}>
              <td>{names.get(d.userId) ?? d.userId}</td>
              <td>{d.label}</td>
              <td>{when(d.lastSeenAt, true)}</td>
              <td>
                {d.revokedAt ? (
                  ct('people.revoked', { date: when(d.revokedAt, true) })
                ) : d.deviceId === session?.deviceId ? (
                  ct('people.thisDevice')
                ) : (
                  <button type="button" class="danger" onClick={() => void revoke(d.deviceId)}>
                    {ct('people.revoke')} {d.label ?? ''}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
