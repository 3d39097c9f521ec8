// The enrolled phones and signed-in computers, with their last contact, and revoke for the
// ones the coordinator may end (their own, and those of people they manage): a revoked phone's
// next sync is refused with 401 and it keeps its unsent records.
import { useSession } from '../../session';
import { ct, when } from '../i18n';
import { canManage, type Device, type Me, type Person } from './access';

interface Props {
  me: Me;
  devices: Device[];
  people: Person[];
  onRevoke: (device: Device, owner: string) => void;
  busy: boolean;
}

/** The device table, newest first. */
export function Devices({ me, devices, people, onRevoke, busy }: Props) {
  // Revoking the laptop in use would sign the coordinator out mid-task: it has no button.
  const session = useSession();
  const byId = new Map(people.map((p) => [p.id, p]));
  const mayRevoke = (d: Device) => {
    const owner = byId.get(d.userId);
    return d.userId === me.id || (owner !== undefined && canManage(me, owner));
  };
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{ct('people.devices')}</h2>
      <div class="ws-scroll">
        <table aria-labelledby="devices-title">
          <thead>
            <tr>
              <th scope="col">{ct('people.deviceOf')}</th>
              <th scope="col">{ct('people.deviceLabel')}</th>
              <th scope="col">{ct('people.lastSeen')}</th>
              <th scope="col">
                <span class="visually-hidden">{ct('people.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => {
              const owner = byId.get(d.userId)?.name ?? '';
              return (
                <tr key={d.deviceId}>
                  <td>{owner}</td>
                  <td>{d.label}</td>
                  <td class="nowrap">{when(d.lastSeenAt, true)}</td>
                  <td>
                    {d.revokedAt ? (
                      ct('people.revoked', { date: when(d.revokedAt, true) })
                    ) : d.deviceId === session?.deviceId ? (
                      ct('people.thisDevice')
                    ) : mayRevoke(d) ? (
                      <button type="button" class="danger" disabled={busy} onClick={() => onRevoke(d, owner)}>
                        {ct('people.revoke')} {d.label ?? ''}
                        <span class="visually-hidden"> {owner}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
