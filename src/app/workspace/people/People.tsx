// People: the organisation's volunteers and coordinators with their role, phones, last contact
// and state; adding someone (an enrolment code for a phone, or a link to choose a password);
// disabling and enabling, password links and (for an admin) roles; enrolment codes not used
// yet; the phones; the coordinator's own password; a link to the security log.
import { useState } from 'preact/hooks';
import type { EnrolmentCodeResponse } from '../../../shared/api';
import { useSession } from '../../session';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';
import type { Device, PendingCode, Person } from './access';
import { AddPerson } from './AddPerson';
import { Devices } from './Devices';
import { MyPassword } from './MyPassword';
import { PendingCodes } from './PendingCodes';
import { PeopleTable, type PersonActions } from './PeopleTable';
import { ShareCode, type Shared } from './ShareCode';

/** The people screen. */
export function People() {
  const session = useSession();
  const users = useLoad(() => call<{ users: Person[] }>('GET', '/users'), []);
  const devices = useLoad(() => call<{ devices: Device[] }>('GET', '/devices'), []);
  const codes = useLoad(() => call<{ codes: PendingCode[] }>('GET', '/enrolment-codes'), []);
  const [shared, setShared] = useState<Shared>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const people = users.data?.users ?? [];
  const names = new Map(people.map((u) => [u.id, u.name]));
  const me = session ? { id: session.user.id, role: session.user.role } : undefined;

  /** Runs a change after an optional confirmation, says what happened, reloads the lists. */
  const act = async (confirmText: string | undefined, run: () => Promise<string | void>) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    setNotice('');
    try {
      const done = await run();
      if (done) setNotice(done);
      users.reload();
      devices.reload();
      codes.reload();
    } catch (err) {
      setNotice(errorNotice(err));
    } finally {
      setBusy(false);
    }
  };

  const actions: PersonActions = {
    setDisabled: (p, disabled) =>
      void act(disabled ? ct('people.confirmDisable', { name: p.name }) : undefined, async () => {
        await call('PATCH', `/users/${encodeURIComponent(p.id)}`, { body: { disabled } });
        return ct(disabled ? 'people.disabled' : 'people.enabled', { name: p.name });
      }),
    resetLink: (p) =>
      void act(undefined, async () => {
        const link = await call<EnrolmentCodeResponse>(
          'POST',
          `/users/${encodeURIComponent(p.id)}/reset-codes`,
          {
            body: {},
          },
        );
        setShared({
          kind: 'reset',
          name: p.name,
          email: p.email || undefined,
          url: link.url,
          expiresAt: link.expiresAt,
        });
      }),
    setRole: (p, role) =>
      void act(
        ct(role === 'coordinator' ? 'people.confirmCoordinator' : 'people.confirmVolunteer', {
          name: p.name,
        }),
        async () => {
          await call('PATCH', `/users/${encodeURIComponent(p.id)}`, { body: { role } });
          return ct('people.roleChanged', { name: p.name, role: ct(`role.${role}`) });
        },
      ),
  };

  const withdraw = (c: PendingCode) =>
    void act(ct('people.confirmWithdraw', { name: c.name }), async () => {
      await call('DELETE', `/enrolment-codes/${encodeURIComponent(c.id)}`);
      return ct('people.withdrawn', { name: c.name });
    });
  const revoke = (d: Device) =>
    void act(ct('people.confirmRevoke'), async () => {
      await call('DELETE', `/devices/${encodeURIComponent(d.deviceId)}`);
    });

  return (
    <section aria-labelledby="people-title">
      <PageHeader
        id="people-title"
        title={ct('nav.people')}
        sub={ct('people.intro')}
        actions={
          <a class="btn-link secondary" href="#/review/security">
            {ct('people.logLink')}
          </a>
        }
      />
      <p role="status" class="ws-notice">
        {notice}
      </p>
      {shared && <ShareCode shared={shared} onClose={() => setShared(undefined)} />}
      <h2 id="users-title">{ct('people.users')}</h2>
      <Status error={users.error ?? devices.error} loading={!users.data || !devices.data} />
      {me && users.data && devices.data && (
        <PeopleTable me={me} people={people} devices={devices.data.devices} actions={actions} busy={busy} />
      )}
      <div class="ws-split">
        <div>
          <PendingCodes codes={codes.data?.codes ?? []} names={names} onWithdraw={withdraw} busy={busy} />
          {me && devices.data && (
            <Devices me={me} devices={devices.data.devices} people={people} onRevoke={revoke} busy={busy} />
          )}
        </div>
        <div>
          <AddPerson
            onShare={(s) => {
              setShared(s);
              users.reload();
              codes.reload();
            }}
          />
          <MyPassword />
        </div>
      </div>
    </section>
  );
}
