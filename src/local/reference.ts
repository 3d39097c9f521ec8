// Reference data pulled from the server (places, topics, referral partners) and the sync
// summary the UI shows ("3 waiting, 1 needs attention, last synced 10:02").
import { getDb, getMeta } from './meta';
import type { LocalLocation, LocalPartner, LocalTable, LocalTopic, MetaValues } from './db';
import { OUTBOX_TABLES } from './db';
import { recordKey } from './outbox';

const active = <T extends { deleted?: boolean; active?: boolean }>(rows: T[]) =>
  rows.filter((r) => !r.deleted && r.active !== false);

/** Active places, by name. */
export async function listLocations(): Promise<LocalLocation[]> {
  const rows = active(await getDb().locations.toArray());
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Active topics added by the organisation (the built-in ones are in src/shared/topics.ts), by key. */
export async function listTopics(): Promise<LocalTopic[]> {
  const rows = active(await getDb().topics.toArray());
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}

/** Every topic's own names by key, switched-off ones included: older records still name them. */
export async function topicNames(): Promise<Map<string, LocalTopic['labels']>> {
  const rows = (await getDb().topics.toArray()).filter((r) => !r.deleted);
  return new Map(rows.map((r) => [r.key, r.labels]));
}

/** Active referral partners, by name. */
export async function listPartners(): Promise<LocalPartner[]> {
  const rows = active(await getDb().partners.toArray());
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export interface SyncSummary {
  /** Records saved here and not yet confirmed by the server. */
  pending: number;
  needsAttention: number;
  conflicts: number;
  /** Outbox entries waiting to be sent. */
  outbox: number;
  lastSyncAt?: string;
  lastError?: MetaValues['lastError'];
}

/**
 * Counts of records by sync state, and the last sync time and error. Waiting records are the
 * records with outbox entries (one record edited twice is one), except those the user must look
 * at: they count as needing attention or in conflict (see `withSyncState` in read.ts).
 */
export async function syncSummary(): Promise<SyncSummary> {
  const db = getDb();
  const attention = new Set<string>();
  let needsAttention = 0;
  let conflicts = 0;
  for (const t of OUTBOX_TABLES) {
    const table = db.table(t);
    for (const [state, ids] of [
      ['needs_attention', await table.where('syncState').equals('needs_attention').primaryKeys()],
      ['conflict', await table.where('syncState').equals('conflict').primaryKeys()],
    ] as const) {
      if (state === 'needs_attention') needsAttention += ids.length;
      else conflicts += ids.length;
      for (const id of ids) attention.add(recordKey(t, id as string));
    }
  }
  const waiting = await db.outbox.orderBy('[table+id]').uniqueKeys();
  const pending = waiting.filter((k) => {
    const [t, id] = k as unknown as [LocalTable, string];
    return !attention.has(recordKey(t, id));
  }).length;
  return {
    pending,
    needsAttention,
    conflicts,
    outbox: await db.outbox.count(),
    lastSyncAt: await getMeta(db, 'lastSyncAt'),
    lastError: await getMeta(db, 'lastError'),
  };
}
