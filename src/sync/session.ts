// The signed-in session stored on the phone (meta `session`). A session with a new deviceId is
// a new device for the server, which has never seen a mutation of it: the pending outbox is
// renumbered from 1 and the pull starts over, in one transaction with storing the session.
import type { DigitafelDb, MetaValues } from '../local/db';
import { deleteMeta, getMeta, setMeta } from '../local/meta';
import { renumberOutbox } from '../local/outbox';

export type StoredSession = MetaValues['session'];

/** The stored session, if signed in. */
export function readSession(db: DigitafelDb): Promise<StoredSession | undefined> {
  return getMeta(db, 'session');
}

/** Stores a session; on a new deviceId renumbers the pending outbox from 1 and resets the cursor. */
export async function storeSession(db: DigitafelDb, session: StoredSession): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const previous = await getMeta(db, 'session');
    await setMeta(db, 'session', session);
    await deleteMeta(db, 'lastError');
    if (previous?.deviceId === session.deviceId) return;
    await renumberOutbox(db, 1);
    await deleteMeta(db, 'pullCursor');
  });
}

/** Forgets the session (sign-out); records and outbox stay on the phone. */
export async function forgetSession(db: DigitafelDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await deleteMeta(db, 'session');
    await deleteMeta(db, 'lastError');
  });
}
