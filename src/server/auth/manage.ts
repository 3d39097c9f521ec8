// Who manages whom (issue 11): coordinators manage the volunteers of their organisation; admins
// manage its coordinators and volunteers; nobody manages an admin or themselves through the API
// (no disabling yourself, no resetting your own password with a code: change it instead).
import type { Role } from '../../shared/api';

/** True when `caller` may disable, rename, reset or revoke the phones of `target` (same org). */
export function mayManage(
  caller: { userId: string; role: Role },
  target: { id: string; role: Role },
): boolean {
  if (caller.userId === target.id || target.role === 'admin') return false;
  if (caller.role === 'admin') return true;
  return caller.role === 'coordinator' && target.role === 'volunteer';
}

/** True when `caller` may give someone `role` (only admins make coordinators of others). */
export function mayGiveRole(caller: { role: Role }, role: Role): boolean {
  if (role === 'admin') return false;
  return caller.role === 'admin' || role === 'volunteer';
}
