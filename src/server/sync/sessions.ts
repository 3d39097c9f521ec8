// Shared sessions (src/server/README.md, "Shared sessions"): any member may end the session for
// everyone, and an ended session stays ended. A member ends it by pushing its own
// `session_members` record with `endedAt`; the server then closes the permanence itself (a new
// version, like the equipment status after a loan), since a volunteer may not write a
// permanence someone else opened. A later write of the permanence by the phone that opened it
// (its counter taps, made before it heard of the end) never opens it again.
import type { Transaction } from 'kysely';
import type { DB } from '../db';
import type { RecordRow } from '../db/records.repository';
import { extraColumns } from '../records/columns';
import { parseData } from '../records/format';
import type { BatchRows } from './batch-rows';
import type { SeqAllocator } from '../db/orgs.repository';

type Data = Record<string, unknown>;

/** The earliest end a member gave the session, or null. */
async function memberEnd(trx: Transaction<DB>, orgId: string, permanenceId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('session_members')
    .select('ended_at')
    .where('org_id', '=', orgId)
    .where('permanence_id', '=', permanenceId)
    .where('deleted', '=', 0)
    .where('ended_at', 'is not', null)
    .orderBy('ended_at')
    .limit(1)
    .executeTakeFirst();
  return row?.ended_at ?? null;
}

/**
 * The permanence a device writes, with its end kept: one the server already has, or one a
 * member gave (the member's record may arrive before the permanence itself).
 */
export async function keepSessionEnd(
  trx: Transaction<DB>,
  orgId: string,
  cur: RecordRow | undefined,
  input: Data,
): Promise<Data> {
  if (input.endedAt) return input;
  const stored = cur && cur.deleted === 0 ? parseData(cur).endedAt : null;
  if (typeof stored === 'string') return { ...input, endedAt: stored };
  const ended = await memberEnd(trx, orgId, input.id as string);
  return ended ? { ...input, endedAt: ended } : input;
}

export interface EndContext {
  trx: Transaction<DB>;
  seq: SeqAllocator;
  orgId: string;
  now: string;
  rows: BatchRows;
}

/** Closes the permanence a member's record ends (no-op when it is closed, absent or deleted). */
export async function endSessionFromMember(ctx: EndContext, member: Data): Promise<void> {
  if (typeof member.endedAt !== 'string' || typeof member.permanenceId !== 'string') return;
  const cur = await ctx.rows.find('permanences', member.permanenceId);
  if (!cur || cur.deleted === 1) return;
  const data = parseData(cur);
  if (data.endedAt) return;
  const next = { ...data, endedAt: member.endedAt };
  const row: RecordRow = {
    ...cur,
    data: JSON.stringify(next),
    version: cur.version + 1,
    seq: ctx.seq.next(),
    received_at: ctx.now,
    // last_device_id stays the opener's: its next write is then applied as its own (plain),
    // and keepSessionEnd keeps the end, instead of a merge that reports every count it changed.
    ...extraColumns('permanences', next, false),
  };
  await ctx.rows.save('permanences', row, true);
}
