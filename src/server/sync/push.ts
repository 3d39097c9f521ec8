// POST /sync/push: handles a device's numbered mutations in order, in one transaction, storing
// the device's lastMutationId with their effects so a retried batch is applied exactly once.
// Refusals and conflicts are kept (device_outcomes) and answered again when a replay reaches
// them, until the device pushes past them.
import type { Role } from '../../shared/api';
import type { PushRequest, PushResponse, MutationResult } from '../../shared/sync-protocol';
import type { Db } from '../db';
import {
  findDevice,
  findOutcomes,
  forgetOutcomesBelow,
  insertOutcomes,
  setLastMutationId,
} from '../db/devices.repository';
import { SeqAllocator } from '../db/orgs.repository';
import { applyMutation } from './apply';
import { BatchRows } from './batch-rows';

export interface SyncCaller {
  orgId: string;
  userId: string;
  role: Role;
  deviceId: string;
}

export interface PushOptions {
  /** False when the request's JSON text held no NUL escape (http/nul.ts): records are not walked. */
  recordsMayHoldNul?: boolean;
}

/** Applies a validated push request of the caller's own device. */
export async function push(
  db: Db,
  caller: SyncCaller,
  req: PushRequest,
  { recordsMayHoldNul = true }: PushOptions = {},
): Promise<PushResponse> {
  return db.transaction().execute(async (trx) => {
    // Lock first: every read below sees the latest commit and writers commit in seq order.
    const seq = await SeqAllocator.lock(trx, caller.orgId);
    const device = await findDevice(trx, caller.orgId, caller.deviceId);
    if (!device) throw new Error('device vanished');
    const start = device.last_mutation_id;
    let last = start;
    const results: MutationResult[] = [];
    const now = new Date().toISOString();
    const rows = new BatchRows(trx, caller.orgId);
    const ctx = { trx, seq, now, rows, recordsMayHoldNul, ...caller };
    const first = req.mutations[0]?.mutationId;
    if (first !== undefined) await forgetOutcomesBelow(trx, caller.orgId, caller.deviceId, first);
    // A replay of handled mutations (the answer was lost): a refusal or a conflict is answered
    // again, since `skipped` would let the phone believe the server simply had the record.
    const replayed = req.mutations.filter((m) => m.mutationId <= start).map((m) => m.mutationId);
    const earlier = await findOutcomes(trx, caller.orgId, caller.deviceId, replayed);
    const kept: MutationResult[] = [];
    await rows.prefetch(req.mutations.filter((m) => m.mutationId > start));
    for (const m of req.mutations) {
      if (m.mutationId <= last) {
        results.push(earlier.get(m.mutationId) ?? { mutationId: m.mutationId, status: 'skipped' });
        continue;
      }
      if (m.mutationId > last + 1) break; // a gap: the client resends from last + 1
      const result = await applyMutation(ctx, m);
      results.push(result);
      if (result.status === 'rejected' || result.status === 'conflict') kept.push(result);
      last = m.mutationId;
    }
    await rows.flush();
    await insertOutcomes(trx, caller.orgId, caller.deviceId, kept);
    if (last !== start) await setLastMutationId(trx, caller.orgId, caller.deviceId, last);
    await seq.save(trx);
    return { lastMutationId: last, results };
  });
}
