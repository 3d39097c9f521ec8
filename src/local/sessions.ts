// Shared sessions on the phone (issue 14): join a permanence opened on another phone, count in
// it, end it. This phone counts in its own `session_members` record (only it writes it, so a
// count is never lost to another phone's write); the totals are the opener's counts plus every
// member's (src/shared/sessions.ts). Each tap is its own saved change and outbox entry, like the
// opener's counters (permanences.ts).
import { newId } from '../shared/ids';
import type { SessionCounter } from '../shared/records';
import { normaliseSessionCode, sessionCode } from '../shared/sessions';
import type { LocalPermanence, LocalSessionMember } from './db';
import { NotFoundError } from './errors';
import { getDb, getMeta } from './meta';
import { commitRecord, nowIso } from './write';

export { getCurrentSession, listJoinableSessions, type CurrentSession } from './read';

/**
 * Joins the session of permanence `permanenceId` (from the list of today's open sessions, its
 * code, or its QR link): this phone's member record, made once (joining again returns it).
 */
export async function joinSession(permanenceId: string): Promise<LocalSessionMember> {
  const db = getDb();
  const owner = (await getMeta(db, 'owner'))?.userId ?? (await getMeta(db, 'session'))?.user.id;
  const existing = (await db.session_members.where('permanenceId').equals(permanenceId).toArray()).find(
    (m) => !m.deleted && !m.endedAt && (!m.createdBy || m.createdBy === owner),
  );
  if (existing) return existing;
  return commitRecord(db, 'session_members', newId(), () => ({
    permanenceId,
    joinedAt: nowIso(),
    endedAt: null,
    visitorCount: 0,
    turnedAwayCount: 0,
  }));
}

function requireRow(row: LocalSessionMember | undefined, id: string): LocalSessionMember {
  if (!row || row.deleted) throw new NotFoundError('session_members', id);
  return row;
}

/** Counts one more (+1) or one less (-1, never below 0) on this phone's part of a session. */
export async function bumpSessionCounter(
  memberId: string,
  counter: SessionCounter,
  delta: 1 | -1 = 1,
): Promise<LocalSessionMember> {
  return commitRecord(getDb(), 'session_members', memberId, (existing) => {
    const row = requireRow(existing, memberId);
    return { ...row, [counter]: Math.max(0, (row[counter] ?? 0) + delta) };
  });
}

/** Ends the session for everyone, from a phone that joined it. */
export async function endSessionAsMember(memberId: string): Promise<LocalSessionMember> {
  return commitRecord(getDb(), 'session_members', memberId, (existing) => ({
    ...requireRow(existing, memberId),
    endedAt: nowIso(),
  }));
}

/** The open session (among the joinable ones) whose short code is `typed`, if any. */
export function findSessionByCode(
  sessions: readonly LocalPermanence[],
  typed: string,
): LocalPermanence | undefined {
  const code = normaliseSessionCode(typed);
  return code.length === 0 ? undefined : sessions.find((p) => sessionCode(p.id) === code);
}
