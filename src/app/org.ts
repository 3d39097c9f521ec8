// The organisation a phone belongs to (name, privacy contact), as the sync engine last fetched
// it into the local database (src/app/sync-start.ts). Kept apart from session.ts, which ships
// in the first load without Dexie.
import { getDb, getMeta } from '../local/meta';
import { useLive } from './ui/useLive';

/** The organisation `orgId` (name, privacy contact) as last fetched, if it is that one. */
export function useOrg(
  orgId: string | undefined,
): { name: string; privacyContact?: string | null } | undefined {
  const org = useLive(() => getMeta(getDb(), 'org'));
  return org && org.id === orgId ? org : undefined;
}

/** The name of the organisation `orgId` as last fetched (src/app/sync-start.ts), if it is that one. */
export function useOrgName(orgId: string | undefined): string | undefined {
  const org = useLive(() => getMeta(getDb(), 'org'));
  return org && org.id === orgId ? org.name : undefined;
}
