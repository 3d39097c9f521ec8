// The phone's IndexedDB database (Dexie): record tables with local sync fields, the outbox of
// numbered mutations and a small key-value `meta` table. Every schema change is a new version
// with an `.upgrade()` that migrates existing rows: a phone may skip app versions, and what it
// holds offline must survive every one of them.
import { Dexie, type Table } from 'dexie';
import type { ApiError as ApiErrorBody, Session } from '../shared/api';
import type { InputOf, ServerFields, TableName } from '../shared/records';

/** The record tables kept on a phone (borrower identity never is). */
export const LOCAL_TABLES = [
  'help_requests',
  'permanences',
  'equipment',
  'loans',
  'locations',
  'topics',
  'partners',
  'fiches',
  'session_members',
] as const satisfies readonly TableName[];
/** The record tables of schema versions 1 to 3 (their upgrades touch only these). */
const V1_TABLES = LOCAL_TABLES.filter((t) => t !== 'fiches' && t !== 'session_members');
export type LocalTable = (typeof LOCAL_TABLES)[number];

/** Tables this phone writes through the outbox. */
export const OUTBOX_TABLES = ['help_requests', 'permanences', 'loans', 'session_members'] as const;
export type OutboxTable = (typeof OUTBOX_TABLES)[number];

export type SyncState = 'pending' | 'synced' | 'needs_attention' | 'conflict';
/** Why the server refused a record: the wire error body (code, message, zod issues). */
export type SyncError = ApiErrorBody['error'];

/** Fields only the phone keeps next to a record. */
export interface LocalFields {
  syncState: SyncState;
  syncError?: SyncError;
  version?: number;
  deleted?: boolean;
  /** The server's record when a push came back `conflict` (or a pull arrived meanwhile). */
  serverRecord?: Record<string, unknown>;
  /**
   * The mutationId of this phone's last write of the record (kept through pulls): when the
   * server lost pushes (a restored backup), records written after its mark are sent again.
   */
  localMutationId?: number;
}

/** A stored row: the device's fields, whatever server fields came down, and the local ones. */
export type LocalRecord<T extends TableName> = InputOf<T> &
  Partial<Omit<ServerFields, 'version' | 'deleted'>> &
  LocalFields;

export type LocalHelpRequest = LocalRecord<'help_requests'>;
export type LocalPermanence = LocalRecord<'permanences'>;
export type LocalEquipment = LocalRecord<'equipment'>;
export type LocalLoan = LocalRecord<'loans'>;
export type LocalLocation = LocalRecord<'locations'>;
export type LocalTopic = LocalRecord<'topics'>;
export type LocalPartner = LocalRecord<'partners'>;
export type LocalFiche = LocalRecord<'fiches'>;

/** The copy of a fiche image this phone keeps to show offline. */
export interface LocalFicheImage {
  id: string;
  type: string;
  size: number;
  blob: Blob;
}
export type LocalSessionMember = LocalRecord<'session_members'>;

/** One pending mutation, in the order it must reach the server. */
export interface OutboxEntry {
  mutationId: number;
  table: LocalTable;
  op: 'upsert' | 'delete';
  id: string;
  baseVersion: number | null;
  record?: Record<string, unknown>;
  createdAt: string;
  /** Written as 0 by schema v2 and older app versions; nothing counts or reads it any more. */
  attempts?: number;
}

/** The rows of the `meta` table, by key. */
export interface MetaValues {
  /** The signed-in device; `serverUrl` when the API is not on the app's own origin. */
  session: Session & { serverUrl?: string };
  /**
   * Whose records this phone holds: the user of the last session, kept after sign-out so a
   * different person signing in is noticed (src/sync/session.ts).
   */
  owner: { userId: string; orgId: string; name: string };
  nextMutationId: number;
  /**
   * The highest `lastMutationId` the server answered for this device: a later answer below it
   * means the server went back in time (src/sync/rewind.ts).
   */
  ackedMutationId: number;
  pullCursor: string;
  lastSyncAt: string;
  lastError: { code: string; message: string; at: string };
  lastHelpDefaults: { locationId?: string | null; channel?: string; language?: string | null };
  /** The organisation of the signed-in user (GET /me), to show whose phone this is offline too. */
  org: { id: string; name: string; privacyContact?: string | null };
  /** Unsaved form input by form (src/local/drafts.ts). */
  drafts: Record<string, { at: string; value: unknown }>;
  /** Fiche images not kept at the last sync because they would exceed the budget. */
  ficheImagesSkipped: number;
}
export type MetaKey = keyof MetaValues;
export interface MetaRow {
  key: MetaKey;
  value: unknown;
}

/** Version 1 of the schema, kept as it shipped. */
export const SCHEMA_V1 = {
  help_requests: 'id, occurredAt, permanenceId, syncState',
  permanences: 'id, startedAt, syncState',
  equipment: 'id, assetTag',
  loans: 'id, equipmentId, syncState',
  locations: 'id',
  topics: 'id',
  partners: 'id',
  outbox: 'mutationId, [table+id]',
  meta: 'key',
};

/** Version 2: a sync state on every table (for summaries and purges) and help by state and date. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  help_requests: 'id, occurredAt, permanenceId, syncState, [syncState+occurredAt]',
  equipment: 'id, assetTag, syncState',
  locations: 'id, syncState',
  topics: 'id, syncState',
  partners: 'id, syncState',
};

/**
 * Version 3: help requests and permanences by review state, so Home counts the records a
 * coordinator marked "has issues" without reading them all (issue 10).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  help_requests: `${SCHEMA_V2.help_requests}, reviewState`,
  permanences: `${SCHEMA_V2.permanences}, reviewState`,
};

/**
 * Version 4: fiches (step-by-step cards pulled like the reference data) and the copies of their
 * images, kept as blobs to show offline (issue 14).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  fiches: 'id, syncState',
  ficheImages: 'id',
};

/**
 * Version 7: shared sessions (issue 14). `session_members`: what each phone that joined a
 * permanence opened on another phone counted there, by session. Nothing to migrate: existing
 * permanences keep their counts, which stay the opener's part of the totals. (Versions 5 and 6
 * belong to other features; this one declares only its own table, so it stacks on whichever of
 * them a build has.)
 */
export const SCHEMA_V7 = {
  session_members: 'id, permanenceId, syncState',
};

/** Set by vite.config.ts `define` from DIGITAFEL_TEST_SCHEMA_BUMP (false unless a test builds with it). */
declare const __DIGITAFEL_TEST_SCHEMA_BUMP__: boolean | undefined;
const TEST_SCHEMA_BUMP =
  typeof __DIGITAFEL_TEST_SCHEMA_BUMP__ !== 'undefined' && __DIGITAFEL_TEST_SCHEMA_BUMP__;

/** The Dexie database of one app install. */
export class DigitafelDb extends Dexie {
  help_requests!: Table<LocalHelpRequest, string>;
  permanences!: Table<LocalPermanence, string>;
  equipment!: Table<LocalEquipment, string>;
  loans!: Table<LocalLoan, string>;
  locations!: Table<LocalLocation, string>;
  topics!: Table<LocalTopic, string>;
  partners!: Table<LocalPartner, string>;
  fiches!: Table<LocalFiche, string>;
  ficheImages!: Table<LocalFicheImage, string>;
  session_members!: Table<LocalSessionMember, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaRow, MetaKey>;

  constructor(name = 'digitafel') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // v1 stored pulled rows without a sync state and outbox entries without a retry count.
        for (const table of V1_TABLES) {
          await tx
            .table(table)
            .toCollection()
            .modify((row: Partial<LocalFields>) => {
              if (!row.syncState) row.syncState = 'synced';
            });
        }
        await tx
          .table('outbox')
          .toCollection()
          .modify((e: Partial<OutboxEntry>) => {
            if (typeof e.attempts !== 'number') e.attempts = 0;
          });
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        // Rows keep everything; only a coordinator's review of someone else's record, which
        // servers sent every phone before they kept it to its author's, is dropped.
        const owner = (await tx.table('meta').get('owner')) as MetaRow | undefined;
        const userId = (owner?.value as MetaValues['owner'] | undefined)?.userId;
        if (!userId) return;
        for (const table of V1_TABLES) {
          await tx
            .table(table)
            .filter((row: { createdBy?: unknown; reviewState?: unknown }) => {
              const others = typeof row.createdBy === 'string' && row.createdBy !== userId;
              return others && row.reviewState !== undefined;
            })
            .modify((row: Record<string, unknown>) => {
              delete row.reviewState;
              delete row.reviewComment;
            });
        }
      });
    this.version(4).stores(SCHEMA_V4);
    this.version(7).stores(SCHEMA_V7);
    if (TEST_SCHEMA_BUMP) {
      // Only in the second build of tests/e2e/upgrade-data.test.ts (DIGITAFEL_TEST_SCHEMA_BUMP=1):
      // a harmless version after the last real one (one more, empty table, an upgrade that
      // rewrites every outbox entry as it is) so the test can prove that a schema upgrade keeps
      // every unsent record. `verno` is the highest version declared above, so a new real
      // version needs no change here. Removed from every other build as dead code.
      this.version(this.verno + 1)
        .stores({ upgrade_probe: 'id' })
        .upgrade((tx) =>
          tx
            .table('outbox')
            .toCollection()
            .modify(() => undefined),
        );
    }
  }

  /** The Dexie table of a local record table. */
  recordTable<T extends LocalTable>(table: T): Table<LocalRecord<T>, string> {
    return this.table(table) as Table<LocalRecord<T>, string>;
  }
}
