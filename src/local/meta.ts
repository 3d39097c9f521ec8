// Typed access to the `meta` key-value table, and the database the repositories use: one
// default database per app, or a uniquely named one per test.
import { DigitafelDb, type MetaKey, type MetaValues } from './db';

const DEFAULT_NAME = 'digitafel';
const opened = new Map<string, DigitafelDb>();
let active: DigitafelDb | undefined;

/** Opens (and makes active for the repositories) the database `name`; the default one when omitted. */
export function openDb(name: string = DEFAULT_NAME): DigitafelDb {
  let db = opened.get(name);
  if (!db) {
    db = new DigitafelDb(name);
    opened.set(name, db);
  }
  active = db;
  return db;
}

/** The database the repositories use (the default one unless `openDb(name)` chose another). */
export function getDb(): DigitafelDb {
  return active ?? openDb();
}

/** Reads a meta value (inside a transaction that includes `meta`, or on its own). */
export async function getMeta<K extends MetaKey>(
  db: DigitafelDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

/** Writes a meta value. */
export async function setMeta<K extends MetaKey>(
  db: DigitafelDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value });
}

/** Removes a meta value. */
export async function deleteMeta(db: DigitafelDb, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}

/** Takes the next per-device mutation id; call inside the write's transaction. */
export async function takeMutationId(db: DigitafelDb): Promise<number> {
  const next = (await getMeta(db, 'nextMutationId')) ?? 1;
  await setMeta(db, 'nextMutationId', next + 1);
  return next;
}
