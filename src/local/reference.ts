// Reference data pulled from the server (places, topics, referral partners) and the sync
// summary the UI shows ("3 waiting, 1 needs attention, last synced 10:02").
import { getDb, getMeta } from './meta';
import type { LocalLocation, LocalPartner, LocalTopic, MetaValues } from './db';
import { OUTBOX_TABLES } from './db';

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

/** Counts of records by sync state, and the last sync time and error. */
export async function syncSummary(): Promise<SyncSummary> {
  const db = getDb();
  const count = async (state: string) => {
    let n = 0;
    for (const t of OUTBOX_TABLES) n += await db.table(t).where('syncState').equals(state).count();
    return n;
  };
  return {
    pending: await count('pending'),
    needsAttention: await count('needs_attention'),
    conflicts: await count('conflict'),
    outbox: await db.outbox.count(),
    lastSyncAt: await getMeta(db, 'lastSyncAt'),
    lastError: await getMeta(db, 'lastError'),
  };
}
