// The signed-in session stored on the phone (meta `session`). A session with a new deviceId is
// a new device for the server, which has never seen a mutation of it: the pending outbox is
// renumbered from 1 and the pull starts over, in one transaction with storing the session.
//
// A phone can change hands (a shared association phone, a lent one). When a different person
// signs in, the previous person's records must not follow them: with nothing left to send, the
// phone forgets every record and reference row before storing the new session; with unsent
// or refused records (the server has neither), it refuses (OtherUsersRecordsError) unless the new user is of the same organisation
// and chose to send them under their own name. Records of one organisation never go to another.
import { LOCAL_TABLES, OUTBOX_TABLES, type DigitafelDb, type MetaValues } from '../local/db';
import { OtherUsersRecordsError } from '../local/errors';
import { deleteMeta, getMeta, setMeta } from '../local/meta';
import { renumberOutbox } from '../local/outbox';

export type StoredSession = MetaValues['session'];

/** The stored session, if signed in. */
export function readSession(db: DigitafelDb): Promise<StoredSession | undefined> {
  return getMeta(db, 'session');
}

export interface StoreOptions {
  /** The new user (same organisation) takes over the previous user's unsent records. */
  adoptPending?: boolean;
}

/**
 * Stores a session; on a new deviceId renumbers the pending outbox from 1 and resets the cursor.
 * On a different user, see the top of this file.
 */
export async function storeSession(
  db: DigitafelDb,
  session: StoredSession,
  opts: StoreOptions = {},
): Promise<void> {
  const tables = [db.outbox, db.meta, db.ficheImages, ...LOCAL_TABLES.map((t) => db.table(t))];
  await db.transaction('rw', tables, async () => {
    const previous = await getMeta(db, 'session');
    const owner =
      (await getMeta(db, 'owner')) ??
      (previous && { userId: previous.user.id, orgId: previous.user.orgId, name: previous.user.name });
    if (owner && owner.userId !== session.user.id) {
      const pending = await notOnServer(db);
      const sameOrg = owner.orgId === session.user.orgId;
      if (pending > 0 && !(sameOrg && opts.adoptPending)) {
        throw new OtherUsersRecordsError(pending, owner.name, sameOrg);
      }
      if (pending === 0) {
        for (const t of LOCAL_TABLES) await db.table(t).clear();
        await db.ficheImages.clear();
        await deleteMeta(db, 'lastHelpDefaults');
        await deleteMeta(db, 'lastSyncAt');
      }
    }
    await setMeta(db, 'session', session);
    await setMeta(db, 'owner', {
      userId: session.user.id,
      orgId: session.user.orgId,
      name: session.user.name,
    });
    await deleteMeta(db, 'lastError');
    if (previous?.deviceId === session.deviceId) return;
    await renumberOutbox(db, 1);
    await deleteMeta(db, 'pullCursor');
    await deleteMeta(db, 'ackedMutationId');
  });
}

/**
 * How many of the phone's records the server does not have: outbox entries, and records it
 * refused (needs attention: they have no outbox entry left, and exist on this phone only).
 */
async function notOnServer(db: DigitafelDb): Promise<number> {
  let n = await db.outbox.count();
  for (const t of OUTBOX_TABLES) n += await db.table(t).where('syncState').equals('needs_attention').count();
  return n;
}

/**
 * Forgets the session (sign-out). When the server has everything (nothing waiting, nothing
 * refused), the phone also forgets the synced records, the reference data and whose they were:
 * a signed-out phone left on a table holds nothing of the organisation. Otherwise records,
 * outbox and owner stay, so they go out after the next sign-in (and a different person signing
 * in is refused, see the top of this file). Returns whether the data was forgotten.
 */
export async function forgetSession(db: DigitafelDb): Promise<{ cleared: boolean }> {
  const tables = [db.outbox, db.meta, db.ficheImages, ...LOCAL_TABLES.map((t) => db.table(t))];
  return db.transaction('rw', tables, async () => {
    await deleteMeta(db, 'session');
    await deleteMeta(db, 'lastError');
    await deleteMeta(db, 'drafts'); // unsaved input is the signed-out person's, never the next one's
    if ((await notOnServer(db)) > 0) return { cleared: false };
    for (const t of LOCAL_TABLES) await db.table(t).clear();
    await db.ficheImages.clear();
    for (const key of [
      'owner',
      'pullCursor',
      'ackedMutationId',
      'lastSyncAt',
      'lastHelpDefaults',
      'org',
    ] as const) {
      await deleteMeta(db, key);
    }
    return { cleared: true };
  });
}
