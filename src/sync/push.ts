// Push phase: send the outbox in mutationId order, in batches (<= 2,000 mutations, <= ~1.8 MB),
// and apply each result to the phone in one transaction. The server's `lastMutationId` is the
// truth: entries at or below it are done (a resent batch whose answer was lost), and a gap
// (the server expects an earlier number) is closed by renumbering what is left. Below what it
// had acknowledged before, the server lost pushes: see rewind.ts.
import {
  MAX_MUTATIONS_PER_PUSH,
  SCHEMA_VERSION,
  type Mutation,
  type MutationResult,
  type PushResponse,
} from '../shared/sync-protocol';
import {
  LOCAL_TABLES,
  type DigitafelDb,
  type LocalRecord,
  type LocalTable,
  type OutboxEntry,
} from '../local/db';
import { outboxHead, pendingCounts, pendingEntriesFor, recordKey, renumberOutbox } from '../local/outbox';
import { getMeta, setMeta } from '../local/meta';
import { ApiError, type ApiClient } from './api-client';
import { resendAfterRewind } from './rewind';

/** Upper bound of one push body, under the server's 2 MiB push limit with room for the envelope. */
export const MAX_BATCH_BYTES = 1800 * 1024;

export interface PushStats {
  sent: number;
  applied: number;
  skipped: number;
  rejected: number;
  conflicts: number;
}

/** Raised when the server keeps refusing to advance (a gap renumbering did not close). */
export class SyncProtocolError extends Error {
  override readonly name = 'SyncProtocolError';
  constructor(readonly code: string) {
    super(code);
  }
}

const encoder = new TextEncoder();

function toMutation(e: OutboxEntry): Mutation {
  return {
    mutationId: e.mutationId,
    table: e.table,
    op: e.op,
    id: e.id,
    baseVersion: e.baseVersion,
    ...(e.record && { record: e.record }),
  };
}

/** The longest prefix of `entries` whose mutations fit in `maxBytes` (at least one). */
export function takeBatch(entries: OutboxEntry[], maxBytes = MAX_BATCH_BYTES): Mutation[] {
  const batch: Mutation[] = [];
  let bytes = 200; // the envelope
  for (const e of entries) {
    const m = toMutation(e);
    const size = encoder.encode(JSON.stringify(m)).length + 1;
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(m);
    bytes += size;
  }
  return batch;
}

type Result = Pick<MutationResult, 'status' | 'version' | 'record' | 'error'>;
type Row = LocalRecord<LocalTable>;

/**
 * Applies one result to the record row in memory, `others` being the outbox entries still
 * waiting for the record; returns what to do with the stored row.
 */
function settleRow(row: Row, others: number, r: Result): 'put' | 'delete' {
  if (r.version !== undefined && (row.version ?? 0) < r.version) row.version = r.version;
  if (r.status === 'rejected') {
    row.syncState = 'needs_attention';
    row.syncError = r.error ?? { code: 'rejected', message: 'the server refused this change' };
  } else if (r.status === 'conflict') {
    row.syncState = 'conflict';
    if (r.record) row.serverRecord = r.record;
  } else if (others === 0 && (r.status === 'applied' || row.syncState === 'pending')) {
    if (row.deleted) return 'delete'; // the server keeps the tombstone
    row.syncState = 'synced';
    delete row.syncError;
    delete row.serverRecord;
  }
  return 'put';
}

/** Applies one result to the record row; the outbox entry is already removed. */
async function applyResult(db: DigitafelDb, entry: Pick<OutboxEntry, 'table' | 'id'>, r: Result) {
  const table = db.recordTable(entry.table);
  const row = await table.get(entry.id);
  if (!row) return;
  const others = await pendingEntriesFor(db, entry.table, entry.id);
  if (settleRow(row, others, r) === 'delete') await table.delete(entry.id);
  else await table.put(row);
}

/** The records of `tables` whose stored state needs the user (refused, in conflict). */
async function attentionKeys(db: DigitafelDb, tables: Iterable<LocalTable>): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const table of tables) {
    const ids = await db
      .recordTable(table)
      .where('syncState')
      .anyOf('needs_attention', 'conflict')
      .primaryKeys();
    for (const id of ids) keys.add(recordKey(table, id));
  }
  return keys;
}

/**
 * Settles the rows of the records that need more than their outbox entries removed, with the
 * outcome of settling the entries one by one in mutationId order: each entry sees the entries
 * of its record that still wait, later ones of this batch included.
 */
async function settleRows(db: DigitafelDb, settled: Array<{ m: Mutation; result: Result }>) {
  const keys = new Map<string, readonly [LocalTable, string]>();
  for (const { m } of settled)
    keys.set(recordKey(m.table as LocalTable, m.id), [m.table as LocalTable, m.id]);
  const waiting = await pendingCounts(db, [...keys.values()]);
  const later = new Map<string, number>();
  for (const { m } of settled) {
    const k = recordKey(m.table as LocalTable, m.id);
    later.set(k, (later.get(k) ?? 0) + 1);
  }
  const rows = new Map<string, { row: Row | undefined; action: 'put' | 'delete' | 'none' }>();
  for (const table of LOCAL_TABLES) {
    const ids = [...keys.values()].filter(([t]) => t === table).map(([, id]) => id);
    if (ids.length === 0) continue;
    const got = await db.recordTable(table).bulkGet(ids);
    ids.forEach((id, i) => rows.set(recordKey(table, id), { row: got[i], action: 'none' }));
  }
  for (const { m, result } of settled) {
    const k = recordKey(m.table as LocalTable, m.id);
    later.set(k, later.get(k)! - 1);
    const state = rows.get(k)!;
    if (!state.row) continue;
    state.action = settleRow(state.row, (waiting.get(k) ?? 0) + later.get(k)!, result);
    if (state.action === 'delete') state.row = undefined;
  }
  for (const table of LOCAL_TABLES) {
    const puts: Row[] = [];
    const deletes: string[] = [];
    for (const [k, state] of rows) {
      if (keys.get(k)![0] !== table) continue;
      if (state.action === 'put' && state.row) puts.push(state.row);
      else if (state.action === 'delete') deletes.push(keys.get(k)![1]);
    }
    if (puts.length) await db.recordTable(table).bulkPut(puts);
    if (deletes.length) await db.recordTable(table).bulkDelete(deletes);
  }
}

/**
 * Applies a push response in one transaction; returns how many outbox entries it settled.
 * The settled entries are a prefix of the batch (the server answers in order and stops at a
 * gap), so they go in one range delete, after a key-only check of what is still there. The
 * record rows are left as they are: a record with no outbox entry left is synced (see
 * src/local/README.md, "Sync state"). Only the few records that need more are read and
 * written: a refusal or a conflict to store, a delete whose tombstone can go, a record the
 * user had to look at that this batch settles.
 */
async function applyResponse(
  db: DigitafelDb,
  batch: Mutation[],
  res: PushResponse,
  stats: PushStats,
  acked: number,
): Promise<number> {
  const mark = () =>
    res.lastMutationId > acked ? setMeta(db, 'ackedMutationId', res.lastMutationId) : undefined;
  const byId = new Map(res.results.map((r) => [r.mutationId, r]));
  const answered: Array<{ m: Mutation; result: Result }> = [];
  for (const m of batch) {
    const result =
      byId.get(m.mutationId) ??
      (m.mutationId <= res.lastMutationId ? { status: 'skipped' as const } : undefined);
    if (!result) break;
    answered.push({ m, result });
  }
  if (answered.length === 0) {
    await mark();
    return 0;
  }
  const first = answered[0]!.m.mutationId;
  const last = answered.at(-1)!.m.mutationId;
  const tables = [...new Set(answered.map(({ m }) => m.table)), 'outbox', 'meta'];
  return db.transaction('rw', tables, async () => {
    await mark();
    const range = () => db.outbox.where('mutationId').between(first, last, true, true);
    const present = new Set(await range().primaryKeys());
    const settled = answered.filter(({ m }) => present.has(m.mutationId));
    if (settled.length === 0) return 0;
    for (const { result } of settled) {
      if (result.status === 'conflict') stats.conflicts++;
      else stats[result.status]++;
    }
    await range().delete();
    const attention = await attentionKeys(db, new Set(settled.map(({ m }) => m.table as LocalTable)));
    const special = new Set<string>();
    for (const { m, result } of settled) {
      const k = recordKey(m.table as LocalTable, m.id);
      if (
        m.op === 'delete' ||
        result.status === 'rejected' ||
        result.status === 'conflict' ||
        attention.has(k)
      )
        special.add(k);
    }
    if (special.size > 0)
      await settleRows(
        db,
        settled.filter(({ m }) => special.has(recordKey(m.table as LocalTable, m.id))),
      );
    return settled.length;
  });
}

/** Marks a record whose single mutation is over the size limit and drops that entry. */
async function refuseTooLarge(db: DigitafelDb, m: Mutation, stats: PushStats): Promise<void> {
  await db.transaction('rw', [db.table(m.table), db.outbox], async () => {
    const entry = await db.outbox.get(m.mutationId);
    if (!entry) return;
    await db.outbox.delete(m.mutationId);
    stats.rejected++;
    const error = { code: 'payload_too_large', message: 'this record is too large to send' };
    await applyResult(db, entry, { status: 'rejected', error });
  });
}

/** Sends the whole outbox of `deviceId`; throws ApiError / NetworkError on failure. */
export async function pushOutbox(
  db: DigitafelDb,
  api: ApiClient,
  deviceId: string,
  stats: PushStats,
  maxBytes = MAX_BATCH_BYTES,
): Promise<void> {
  let limit = MAX_MUTATIONS_PER_PUSH;
  let renumbered = false;
  let rewinds = 0;
  let acked = (await getMeta(db, 'ackedMutationId')) ?? 0;
  for (;;) {
    const entries = await outboxHead(db, limit);
    if (entries.length === 0) return;
    const batch = takeBatch(entries, maxBytes);
    let res: PushResponse;
    try {
      res = await api.push({ deviceId, schemaVersion: SCHEMA_VERSION, mutations: batch });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 413)) throw err;
      if (batch.length > 1) limit = Math.max(1, Math.floor(batch.length / 2));
      else await refuseTooLarge(db, batch[0]!, stats);
      continue;
    }
    stats.sent += batch.length;
    if (res.lastMutationId < acked) {
      // The server lost pushes it had answered (src/sync/rewind.ts): send again what it lost.
      if (++rewinds > 3) throw new SyncProtocolError('server_rewound');
      await resendAfterRewind(db, res.lastMutationId);
      acked = res.lastMutationId;
      renumbered = false;
      continue;
    }
    const settled = await applyResponse(db, batch, res, stats, acked);
    acked = Math.max(acked, res.lastMutationId);
    if (settled > 0) {
      renumbered = false;
      continue;
    }
    // Nothing handled: the server expects lastMutationId + 1 and we start later. Everything
    // above lastMutationId is unhandled on the server, so renumbering from there is safe.
    if (renumbered) throw new SyncProtocolError('mutation_gap');
    await renumberOutbox(db, res.lastMutationId + 1);
    renumbered = true;
  }
}
