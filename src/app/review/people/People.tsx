// People: the organisation's volunteers and coordinators, a new enrolment code shown as a QR
// code to scan from a phone, and the enrolled phones with last seen and revoke.
import { ct } from '../i18n';
import { Status } from '../Status';
import { call } from '../api';
import { useLoad } from '../useLoad';
import { Devices } from './Devices';
import { EnrolmentCode } from './EnrolmentCode';

const ROLES = ['volunteer', 'coordinator', 'admin'] as const;
const isRole = (r: string): r is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(r);

interface Person {
  id: string;
  name: string;
  email: string | null;
  role: string;
}

/** The people screen. */
export function People() {
  const users = useLoad(() => call<{ users: Person[] }>('GET', '/people'), []);
  const names = new Map((users.data?.users ?? []).map((u) => [u.id, u.name]));
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{ct('nav.people')}</h1>
      <h2 id="users-title">{ct('people.users')}</h2>
      <Status error={users.error} loading={!users.data} />
      <table aria-labelledby="users-title">
        <tbody>
          {(users.data?.users ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{isRole(u.role) ? ct(`role.${u.role}`) : u.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <EnrolmentCode />
      <Devices names={names} />
    </section>
  );
}
