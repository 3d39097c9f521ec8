// Permanence sessions on the phone: open one, count visitors and people turned away with big
// +1/-1 buttons, close it with notes. Each tap is its own saved change (and outbox entry).
import { newId } from '../shared/ids';
import type { PermanenceInput, SessionCounter } from '../shared/records';
import type { LocalPermanence } from './db';
import { NotFoundError } from './errors';
import { getDb, getMeta } from './meta';
import { commitRecord, nowIso } from './write';

export { getOpenPermanence, getPermanence, listRecentPermanences } from './read';

export type PermanenceDraft = Omit<PermanenceInput, 'id'> & { id?: string };

/** Creates or updates a permanence log. */
export async function savePermanence(input: PermanenceDraft): Promise<LocalPermanence> {
  return commitRecord(getDb(), 'permanences', input.id ?? newId(), () => ({ ...input }));
}

/** Opens a session now, staffed by the signed-in user. */
export async function startPermanence(
  input: Pick<PermanenceInput, 'locationId' | 'kind'>,
): Promise<LocalPermanence> {
  const session = await getMeta(getDb(), 'session');
  return savePermanence({
    ...input,
    startedAt: nowIso(),
    endedAt: null,
    staffUserIds: session ? [session.user.id] : [],
    visitorCount: 0,
    turnedAwayCount: 0,
  });
}

function requireRow(row: LocalPermanence | undefined, id: string): LocalPermanence {
  if (!row || row.deleted) throw new NotFoundError('permanences', id);
  return row;
}

async function bump(id: string, field: SessionCounter, delta: 1 | -1) {
  return commitRecord(getDb(), 'permanences', id, (existing) => {
    const row = requireRow(existing, id);
    return { ...row, [field]: Math.max(0, (row[field] ?? 0) + delta) };
  });
}

/** Counts one more (+1) or one less (-1, never below 0) on a counter of this phone's own session. */
export function bumpPermanenceCounter(id: string, field: SessionCounter, delta: 1 | -1 = 1) {
  return bump(id, field, delta);
}

/** Counts one visitor more (+1) or less (-1, never below 0). */
export function addVisitor(id: string, delta: 1 | -1 = 1): Promise<LocalPermanence> {
  return bump(id, 'visitorCount', delta);
}

/** Counts one person turned away more (+1) or less (-1, never below 0). */
export function addTurnedAway(id: string, delta: 1 | -1 = 1): Promise<LocalPermanence> {
  return bump(id, 'turnedAwayCount', delta);
}

export type EndPermanenceInput = Partial<
  Pick<PermanenceInput, 'notes' | 'difficulties' | 'serviceSignals' | 'extraHelpers' | 'equipmentUsed'>
>;

/** Closes a session now with its notes. */
export async function endPermanence(id: string, input: EndPermanenceInput = {}): Promise<LocalPermanence> {
  return commitRecord(getDb(), 'permanences', id, (existing) => ({
    ...requireRow(existing, id),
    ...input,
    endedAt: nowIso(),
  }));
}

export type PermanenceChanges = Partial<
  Pick<
    PermanenceInput,
    | 'locationId'
    | 'kind'
    | 'visitorCount'
    | 'turnedAwayCount'
    | 'extraHelpers'
    | 'equipmentUsed'
    | 'notes'
    | 'difficulties'
    | 'serviceSignals'
  >
>;

/** Corrects a permanence log, open or closed, sent or not (a new outbox entry). */
export async function updatePermanence(id: string, changes: PermanenceChanges): Promise<LocalPermanence> {
  return commitRecord(getDb(), 'permanences', id, (existing) => ({
    ...requireRow(existing, id),
    ...changes,
  }));
}

/** Deletes a permanence log: a local tombstone and an outbox `delete`. */
export async function deletePermanence(id: string): Promise<void> {
  await commitRecord(getDb(), 'permanences', id, () => ({}), { op: 'delete' });
}
