// Help requests on the phone: save (create or edit), delete, recent lists, and the defaults the
// form pre-fills from the last saved entry (place, channel, language: 30 seconds per person).
import { newId } from '../shared/ids';
import type { HelpRequestInput } from '../shared/records';
import type { LocalHelpRequest, MetaValues } from './db';
import { getDb, getMeta, setMeta } from './meta';
import { withSyncState } from './read';
import { commitRecord } from './write';

export { getHelpRequest, listRecentHelpRequests } from './read';

export type HelpRequestDraft = Omit<HelpRequestInput, 'id'> & { id?: string };

/** Creates or updates a help request (validated; row + outbox entry in one transaction). */
export async function saveHelpRequest(input: HelpRequestDraft): Promise<LocalHelpRequest> {
  const db = getDb();
  return commitRecord(db, 'help_requests', input.id ?? newId(), () => ({ ...input }), {
    alsoInTx: async (row) => {
      // "Permanence" is only true while that permanence is open (the form takes it from the open
      // permanence): the next request after it ends keeps the last channel that was not one.
      const previous = await getMeta(db, 'lastHelpDefaults');
      await setMeta(db, 'lastHelpDefaults', {
        locationId: row.locationId ?? null,
        channel: row.channel === 'permanence' ? previous?.channel : row.channel,
        language: row.language ?? null,
      });
    },
  });
}

/** Deletes a help request: a local tombstone and an outbox `delete`. */
export async function deleteHelpRequest(id: string): Promise<void> {
  await commitRecord(getDb(), 'help_requests', id, () => ({}), { op: 'delete' });
}

/** The help requests logged inside a permanence, oldest first. */
export async function helpRequestsForPermanence(permanenceId: string): Promise<LocalHelpRequest[]> {
  const rows = await getDb().help_requests.where('permanenceId').equals(permanenceId).toArray();
  const live = rows.filter((r) => !r.deleted).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return withSyncState('help_requests', live);
}

/** Place, channel and language of the last saved help request, to pre-fill the next one. */
export async function lastHelpDefaults(): Promise<MetaValues['lastHelpDefaults']> {
  return (await getMeta(getDb(), 'lastHelpDefaults')) ?? {};
}
