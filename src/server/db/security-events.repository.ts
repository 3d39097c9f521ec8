// Security events (ASVS 7): sign-in failures, accounts disabled and re-enabled, password changes
// and resets, exports, a borrower's export and erasure. Append-only: this file only inserts and
// reads (an UPDATE fails in the database), and the retention job deletes them after a year.
// An event never holds a password, token, code, e-mail typed at sign-in, address, or anything
// about visitors or borrowers: who did what kind of thing when, and a few plain facts.
import type { Transaction } from 'kysely';
import type { SecurityEventKind } from '../../shared/api';
import { newId } from '../../shared/ids';
import type { Db, DB } from './index';

type Tx = Db | Transaction<DB>;

/** How long events are kept. */
export const SECURITY_EVENT_DAYS = 365;

/** Plain facts an event may carry: table names, formats, roles, periods, reasons. */
export type EventDetails = Record<string, string | number | boolean | null>;

export interface SecurityEventInput {
  /** The organisation it happened in; null for none (a sign-in with an unknown e-mail). */
  orgId: string | null;
  kind: SecurityEventKind;
  /** Who did it (the signed-in user), when known. */
  actorId?: string | null;
  /** The account it was done to (disabled, reset, tried at sign-in), when there is one. */
  subjectId?: string | null;
  details?: EventDetails;
  at?: Date;
}

/** Records one security event. Called by the routes that do the things it records. */
export async function recordSecurityEvent(db: Tx, e: SecurityEventInput): Promise<void> {
  await db
    .insertInto('security_events')
    .values({
      org_id: e.orgId ?? '',
      id: newId(),
      at: (e.at ?? new Date()).toISOString(),
      kind: e.kind,
      actor_id: e.actorId ?? null,
      subject_id: e.subjectId ?? null,
      details: e.details ? JSON.stringify(e.details) : null,
    })
    .execute();
}

export interface EventRow {
  org_id: string;
  id: string;
  at: string;
  kind: string;
  actor_id: string | null;
  subject_id: string | null;
  details: string | null;
}

/**
 * Events between `from` and `to` (instants, `to` excluded), newest first, after `before` (the
 * `[at, id]` of the last one of the previous page); `orgIds` null: every organisation.
 */
export async function listSecurityEvents(
  db: Tx,
  q: { orgIds: string[] | null; from?: string; to?: string; before?: [string, string]; limit: number },
): Promise<EventRow[]> {
  let query = db.selectFrom('security_events').selectAll();
  if (q.orgIds) query = query.where('org_id', 'in', q.orgIds);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.before) {
    const [at, id] = q.before;
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

/** Deletes events older than a year (the retention job). */
export async function forgetOldSecurityEvents(db: Tx, now: Date): Promise<number> {
  const cut = new Date(now.getTime() - SECURITY_EVENT_DAYS * 86_400_000).toISOString();
  const res = await db.deleteFrom('security_events').where('at', '<', cut).executeTakeFirst();
  return Number(res.numDeletedRows);
}
