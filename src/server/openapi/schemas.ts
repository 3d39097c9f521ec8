// Response shapes the routes return that no request schema in src/shared already gives: the
// error body, a record as the API returns it, and the pieces the coordinator routes share.
// Server-only (the app never downloads them); objects are loose: a field added later does not
// make the reference wrong, a field removed or retyped does (tests/server/openapi.test.ts).
import { z } from '../../shared/zod';
import { apiError } from '../../shared/api';
import { serverFields } from '../../shared/records';
import { referenceNames } from '../../shared/references';

export const apiErrorBody = apiError.meta({
  id: 'ApiError',
  description:
    'The only error body the API sends. `code` is a stable snake_case code to branch on; `message` is ' +
    'for people; `issues` holds the zod issues of a validation error.',
});

/** A record as the API returns it: the device's fields of its table plus the server's. */
export const apiRecord = z.looseObject({ id: z.string(), ...serverFields.shape }).meta({
  id: 'Record',
  description:
    "A synced record: the fields of its table's input schema (see the `*Input` schemas) plus the fields " +
    'the server owns (`version`, `deleted`, `receivedAt`, `createdBy`, `orgId`, `reviewState`, ' +
    '`reviewComment`). Device clocks (`createdAt`, `updatedAt`) are informative only.',
});

/** One entry of a record's audit trail. */
export const auditEntry = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  at: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

/** A value a stale write overwrote (kept for review). */
export const mergeEntry = z.object({
  id: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  deviceId: z.string().nullable(),
  at: z.string(),
  resolution: z.string().nullable(),
});

export const recordsPage = z.object({
  records: z.array(apiRecord),
  cursor: z
    .string()
    .nullable()
    .meta({ description: 'Pass back as `cursor` for the next page; null at the end.' }),
  hasMore: z.boolean(),
  names: referenceNames.meta({
    description: 'Names of the users, places, partners and items (asset tag) the records point to.',
  }),
});

const sessionCounts = {
  visitorCount: z.number().int(),
  turnedAwayCount: z.number().int(),
  doorCount: z.number().int(),
  notHomeCount: z.number().int(),
  conversationCount: z.number().int(),
};

/** A permanence's shared session: the summed counters and the phones that joined it. */
export const sessionSummary = z
  .object({
    totals: z.object(sessionCounts),
    members: z.array(
      z.object({
        userId: z.string().nullable(),
        joinedAt: z.string().nullable(),
        endedAt: z.string().nullable(),
        ...sessionCounts,
      }),
    ),
  })
  .meta({
    description:
      "Permanences only: each counter summed over the permanence's own counts (the phone that opened " +
      'it) and every `session_members` record (the phones that joined it), and those members, by ' +
      '`userId` (named in `names.users`), in the order they joined.',
  });

export const recordDetail = z.object({
  record: apiRecord,
  session: sessionSummary.optional(),
  audit: z.array(auditEntry),
  merges: z.array(mergeEntry),
  names: referenceNames.meta({
    description:
      'Names of what the record, its audit entries (authors included) and overwritten values point to.',
  }),
});
