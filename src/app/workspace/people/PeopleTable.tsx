// The people of the organisation: name, role, phones in use, last contact and state, with what
// the signed-in coordinator may do to each (disable or enable again, a password link, and for
// an admin the role). Sortable by every column.
import { ct, when } from '../i18n';
import { SortHeader, sortRows, useSort } from '../ui/sort';
import { canChangeRole, canManage, neverSignedIn, type Device, type Me, type Person } from './access';

type Column = 'name' | 'role' | 'phones' | 'lastSeen' | 'state';

export interface PersonActions {
  setDisabled: (p: Person, disabled: boolean) => void;
  resetLink: (p: Person) => void;
  setRole: (p: Person, role: 'volunteer' | 'coordinator') => void;
}

interface Props {
  me: Me;
  people: Person[];
  devices: Device[];
  actions: PersonActions;
  busy: boolean;
}

/** The people table. */
export function PeopleTable({ me, people, devices, actions, busy }: Props) {
  const { sort, toggle } = useSort<Column>({ key: 'name', dir: 'ascending' });
  const phones = (id: string) => devices.filter((d) => d.userId === id && !d.revokedAt).length;
  const rows = sortRows(people, sort, (p, key) => {
    switch (key) {
      case 'name':
        return p.name;
      case 'role':
        return ct(`role.${p.role}`);
      case 'phones':
        return phones(p.id);
      case 'lastSeen':
        return p.lastSeenAt;
      case 'state':
        return p.disabledAt ? 1 : 0;
    }
  });
  const header = (column: Column, label: string, cls?: string) => (
    <SortHeader column={column} label={label} sort={sort} onSort={toggle} {...(cls && { class: cls })} />
  );
  return (
    <div class="ws-scroll">
      <table aria-labelledby="users-title">
        <thead>
          <tr>
            {header('name', ct('people.name'))}
            {header('role', ct('people.role'))}
            {header('phones', ct('people.phones'), 'num')}
            {header('lastSeen', ct('people.lastContact'))}
            {header('state', ct('people.state'))}
            <th scope="col">{ct('people.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name} {p.id === me.id && <span class="ws-muted">{ct('people.you')}</span>}
                {p.email && <div class="ws-muted">{p.email}</div>}
              </td>
              <td>{ct(`role.${p.role}`)}</td>
              <td class="num">{phones(p.id)}</td>
              <td class="nowrap">{p.lastSeenAt ? when(p.lastSeenAt, true) : ct('people.never')}</td>
              <td>
                {p.disabledAt
                  ? ct('people.disabledSince', { date: when(p.disabledAt) })
                  : ct('people.active')}
              </td>
              <td>
                <RowActions me={me} person={p} actions={actions} busy={busy} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The buttons of one row; the person's name is part of each button's accessible name. */
function RowActions({
  me,
  person: p,
  actions,
  busy,
}: {
  me: Me;
  person: Person;
  actions: PersonActions;
  busy: boolean;
}) {
  const named = (text: string) => (
    <>
      {text}
      <span class="visually-hidden"> {p.name}</span>
    </>
  );
  if (!canManage(me, p)) {
    // Someone added without a password who never signed in gets their first link from any
    // coordinator (the server's rule): a colleague coordinator just added, for instance.
    if (!neverSignedIn(me, p)) return null;
    return (
      <button type="button" class="secondary" disabled={busy} onClick={() => actions.resetLink(p)}>
        {named(ct('people.resetLink'))}
      </button>
    );
  }
  return (
    <div class="ws-row-actions">
      {p.disabledAt ? (
        <button type="button" class="secondary" disabled={busy} onClick={() => actions.setDisabled(p, false)}>
          {named(ct('people.enable'))}
        </button>
      ) : (
        <>
          <button type="button" class="secondary" disabled={busy} onClick={() => actions.resetLink(p)}>
            {named(ct('people.resetLink'))}
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => actions.setDisabled(p, true)}>
            {named(ct('people.disable'))}
          </button>
        </>
      )}
      {canChangeRole(me, p) && !p.disabledAt && (
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => actions.setRole(p, p.role === 'volunteer' ? 'coordinator' : 'volunteer')}
        >
          {named(p.role === 'volunteer' ? ct('people.makeCoordinator') : ct('people.makeVolunteer'))}
        </button>
      )}
    </div>
  );
}
