// The coordinator's view of a shared session: the summed totals of a permanence (the opener's
// counts plus every joined phone's) and who took part (src/server/README.md, "Shared sessions").
import { sessionTotals } from '../../shared/sessions';
import type { Db } from '../db';
import { parseData } from '../records/format';

type Data = Record<string, unknown>;

/** The session of a permanence record: totals and members (the opener first). */
export async function sessionOf(db: Db, orgId: string, permanence: Data) {
  const rows = await db
    .selectFrom('session_members')
    .select(['data', 'created_by'])
    .where('org_id', '=', orgId)
    .where('permanence_id', '=', String(permanence.id))
    .where('deleted', '=', 0)
    .orderBy('joined_at')
    .execute();
  const members = rows.map((r) => {
    const d = parseData(r);
    return {
      userId: r.created_by,
      joinedAt: typeof d.joinedAt === 'string' ? d.joinedAt : null,
      endedAt: typeof d.endedAt === 'string' ? d.endedAt : null,
      visitorCount: Number(d.visitorCount ?? 0),
      turnedAwayCount: Number(d.turnedAwayCount ?? 0),
      doorCount: Number(d.doorCount ?? 0),
      notHomeCount: Number(d.notHomeCount ?? 0),
      conversationCount: Number(d.conversationCount ?? 0),
    };
  });
  return { totals: sessionTotals(permanence, members), members };
}
