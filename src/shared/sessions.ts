// Shared sessions: the pure rules the phone, the server and the workspace share. A session is a
// permanence; the phone that opened it counts in the permanence record itself, every phone that
// joined counts in its own `session_members` record, and the totals are the sum (design in
// src/server/README.md, "Shared sessions").
import { SESSION_COUNTERS, type SessionCounter } from './records';

export type SessionTotals = Record<SessionCounter, number>;

type Counts = Partial<Record<SessionCounter, number | null | undefined>>;

/** The sum of each counter over the opener's record and every member's (missing counts as 0). */
export function sessionTotals(
  permanence: Counts | undefined,
  members: ReadonlyArray<Counts & { deleted?: boolean }>,
): SessionTotals {
  const totals = Object.fromEntries(SESSION_COUNTERS.map((c) => [c, 0])) as SessionTotals;
  for (const part of [permanence ?? {}, ...members.filter((m) => !m.deleted)])
    for (const c of SESSION_COUNTERS) totals[c] += part[c] ?? 0;
  return totals;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The short code a phone shows for a session (6 characters, no 0/O or 1/I), made from the
 * permanence id: a phone that pulled the place's open sessions finds the session by it, offline.
 */
export function sessionCode(permanenceId: string): string {
  // FNV-1a over the id: the id's random part spreads over every character.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < permanenceId.length; i++) {
    const ch = permanenceId.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ch, 0x811c9dc5) >>> 0;
  }
  let code = '';
  for (let i = 0; i < 6; i++) {
    const h = i < 3 ? h1 : h2;
    code += CODE_ALPHABET[(h >>> ((i % 3) * 5)) & 31];
  }
  return code;
}

/** A typed code as the phone compares it: upper case, without spaces or dashes. */
export function normaliseSessionCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
