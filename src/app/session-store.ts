// The local-database half of session.ts, loaded on demand so the first screen needs no Dexie:
// reads, stores and forgets the session kept by the sync engine (src/sync/session.ts).
import { getDb } from '../local/meta';
import {
  forgetSession,
  readSession,
  storeSession,
  type StoreOptions,
  type StoredSession,
} from '../sync/session';

export function readSessionNow(): Promise<StoredSession | undefined> {
  return readSession(getDb());
}

export function storeSessionNow(session: StoredSession, opts?: StoreOptions): Promise<void> {
  return storeSession(getDb(), session, opts);
}

export function forgetSessionNow(): Promise<{ cleared: boolean }> {
  return forgetSession(getDb());
}
