// What the People page shows and offers: the people, phones and pending codes of the
// organisation, and who may do what to whom (the server's rule, src/server/auth/manage.ts,
// mirrored so the page offers only the buttons that will work).
import type { ManagedUser, Role } from '../../../shared/api';

export type Person = ManagedUser;

export interface Device {
  deviceId: string;
  label: string | null;
  userId: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export interface PendingCode {
  id: string;
  name: string;
  expiresAt: string;
  createdAt: string;
  createdBy: string;
}

export interface Me {
  id: string;
  role: Role;
}

/** Coordinators manage volunteers; admins coordinators and volunteers; nobody admins or themselves. */
export function canManage(me: Me, person: { id: string; role: Role }): boolean {
  if (me.id === person.id || person.role === 'admin') return false;
  return me.role === 'admin' || (me.role === 'coordinator' && person.role === 'volunteer');
}

/** Only an admin changes someone's role between volunteer and coordinator. */
export const canChangeRole = (me: Me, person: { id: string; role: Role }) =>
  me.role === 'admin' && canManage(me, person);

/** A person (not an admin, not me, not disabled) who never signed in: they may get a first link. */
export const neverSignedIn = (me: Me, person: Person) =>
  person.id !== me.id && person.role !== 'admin' && !person.disabledAt && person.lastSeenAt === null;
