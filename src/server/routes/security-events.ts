// GET /security-events?from&to&limit&cursor: the security log, newest first. Coordinators see
// their organisation's; admins every organisation's, and events of none (sign-ins with an
// unknown e-mail). Names are looked up at read time; the log itself holds ids and plain facts.
import type { FastifyInstance } from 'fastify';
import { type SecurityEvent, type SecurityEventKind } from '../../shared/api';
import { securityEventsQuery } from '../../shared/review';
import { lowerBound, upperBound } from '../coordinator/records.query';
import { listSecurityEvents } from '../db/security-events.repository';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import type { Deps } from './deps';

const DEFAULT_LIMIT = 100;

function decodeCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) {
      return v as [string, string];
    }
  } catch {
    // answered below
  }
  throw new HttpError(400, 'invalid_cursor', 'the cursor is not one this server made');
}

/** Registers GET /security-events. */
export function securityEventRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  app.get('/security-events', { onRequest: authenticate }, async (request) => {
    const auth = requireRole(request, ['coordinator', 'admin']);
    const q = parseOr400(securityEventsQuery, request.query);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const rows = await listSecurityEvents(db, {
      orgIds: auth.role === 'admin' ? null : [auth.orgId],
      ...(q.from && { from: lowerBound(q.from) }),
      ...(q.to && { to: upperBound(q.to) }),
      ...(q.cursor && { before: decodeCursor(q.cursor) }),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const userIds = [...new Set(page.flatMap((r) => [r.actor_id, r.subject_id]).filter((x) => x !== null))];
    const orgIds = [...new Set(page.map((r) => r.org_id).filter((x) => x !== ''))];
    const users = userIds.length
      ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()
      : [];
    const orgs = orgIds.length
      ? await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', orgIds).execute()
      : [];
    const userName = new Map(users.map((u) => [u.id, u.name]));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const person = (id: string | null) => (id === null ? null : { id, name: userName.get(id) ?? '' });
    const events: SecurityEvent[] = page.map((r) => ({
      id: r.id,
      at: r.at,
      kind: r.kind as SecurityEventKind,
      org: r.org_id === '' ? null : { id: r.org_id, name: orgName.get(r.org_id) ?? '' },
      actor: person(r.actor_id),
      subject: person(r.subject_id),
      details: r.details ? (JSON.parse(r.details) as SecurityEvent['details']) : {},
    }));
    const last = page.at(-1);
    const hasMore = rows.length > limit;
    return {
      events,
      cursor: hasMore && last ? Buffer.from(JSON.stringify([last.at, last.id])).toString('base64url') : null,
      hasMore,
    };
  });
}
