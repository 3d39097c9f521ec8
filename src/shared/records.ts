// Zod schemas of every synced record. The `*Input` schemas are what a device may send (strict:
// unknown fields are refused, server-owned fields such as version or orgId are not accepted);
// `*Record` adds the fields the server owns. Types are inferred here and nowhere else.
import { z } from './zod';
import { pd } from './personal-data';

/** A UUID (the app makes UUIDv7; any version is accepted). */
export const uuid = z.uuid();
/** An instant in ISO-8601 with a zone ("2026-11-23T10:00:00.000Z" or "+01:00"). */
export const isoInstant = z.iso.datetime({ offset: true });
const shortText = z.string().trim().max(200);
const freeText = pd(z.string().max(2000), 'free_text');
/** A catalogue key: built-in topics and the ones an organisation adds. */
export const topicKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'invalid_topic_key');

export const TABLES = [
  'help_requests',
  'permanences',
  'equipment',
  'loans',
  'borrowers',
  'locations',
  'topics',
  'partners',
  'fiches',
  'session_members',
] as const;
export const tableName = z.enum(TABLES);
export type TableName = z.infer<typeof tableName>;

export const REVIEW_STATES = ['new', 'reviewed', 'has_issues'] as const;
export const reviewState = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof reviewState>;

/** Fields every record carries from the device; device clocks are informative only. */
const deviceFields = {
  id: uuid,
  createdAt: isoInstant.optional(),
  updatedAt: isoInstant.optional(),
};

/** Fields only the server sets; refused when a device sends them. */
export const serverFields = z.object({
  version: z.number().int().positive(),
  deleted: z.boolean(),
  receivedAt: isoInstant,
  createdBy: pd(z.string(), 'pseudonym_link').nullable(),
  orgId: z.string(),
  reviewState: reviewState,
  reviewComment: z.string().max(2000).nullable().optional(),
});
export type ServerFields = z.infer<typeof serverFields>;
export const SERVER_FIELD_NAMES = Object.keys(serverFields.shape) as Array<keyof ServerFields>;

// ---------------------------------------------------------------- help requests

export const CHANNELS = ['street_stand', 'permanence', 'door_to_door', 'phone', 'other'] as const;
export const DEVICES_USED = ['own_phone', 'own_laptop', 'loan_laptop', 'public_pc'] as const;
export const OUTCOMES = ['solved', 'partly', 'not_solved', 'referred'] as const;
export const DURATION_BANDS = ['le15', '15_30', '30_60', 'gt60'] as const;
export const AGE_BANDS = ['lt18', '18_25', '26_40', '41_55', '56_65', '66_75', 'gt75'] as const;
export const GENDERS = ['woman', 'man', 'other', 'not_asked'] as const;
export const LANGUAGES = ['nl', 'fr', 'en', 'ar', 'tr', 'other'] as const;

/**
 * "Did the person do it themselves?", the heart of "help with, not do for": `yes` (the person
 * did the steps, the helper guided), `together`, `helper` (the helper did it for them), or
 * `not_asked`; absent or null when not recorded. Reports count `yes` as "did it themselves"
 * (`DID_IT_THEMSELVES_YES`) out of the requests where it was recorded and asked.
 */
export const DID_IT_THEMSELVES = ['yes', 'together', 'helper', 'not_asked'] as const;
export type DidItThemselves = (typeof DID_IT_THEMSELVES)[number];
export const DID_IT_THEMSELVES_YES: DidItThemselves = 'yes';

/**
 * The choice a stored or received value stands for. Phones and records from before the choice
 * hold a boolean: true meant the person did it (`yes`), false that they did not (`helper`).
 */
export function didItThemselvesOf(value: unknown): DidItThemselves | null {
  if (value === true) return 'yes';
  if (value === false) return 'helper';
  return (DID_IT_THEMSELVES as readonly unknown[]).includes(value) ? (value as DidItThemselves) : null;
}

/** The wire field: the choice, or the old boolean (mapped on arrival, so only choices are stored). */
const didItThemselves = z.union([
  z.enum(DID_IT_THEMSELVES),
  z.boolean().transform((b): DidItThemselves => (b ? 'yes' : 'helper')),
]);

export const helpRequestInput = z.strictObject({
  ...deviceFields,
  occurredAt: isoInstant,
  channel: z.enum(CHANNELS),
  locationId: uuid.nullable().optional(),
  permanenceId: uuid.nullable().optional(),
  topics: z.array(topicKey).min(1).max(20),
  deviceUsed: z.enum(DEVICES_USED).nullable().optional(),
  outcome: z.enum(OUTCOMES),
  referralPartnerIds: z.array(uuid).max(10).optional(),
  followUpNeeded: z.boolean().optional(),
  durationBand: z.enum(DURATION_BANDS).nullable().optional(),
  didItThemselves: didItThemselves.nullable().optional(),
  ageBand: pd(z.enum(AGE_BANDS), 'quasi_identifier').nullable().optional(),
  gender: pd(z.enum(GENDERS), 'quasi_identifier').nullable().optional(),
  language: pd(z.enum(LANGUAGES), 'quasi_identifier').nullable().optional(),
  districtOrPostcode: pd(z.string().trim().max(40), 'quasi_identifier').nullable().optional(),
  repeatVisitor: z.boolean().nullable().optional(),
  visitorCode: pd(z.string().trim().max(40), 'pseudonym_link').nullable().optional(),
  note: freeText.nullable().optional(),
  serviceSignal: freeText.nullable().optional(),
});
export type HelpRequestInput = z.infer<typeof helpRequestInput>;

// ---------------------------------------------------------------- permanences

const counter = z.number().int().min(0).max(100000);

export const PERMANENCE_KINDS = ['permanence', 'digi_table', 'door_to_door', 'workshop'] as const;

export const permanenceInput = z.strictObject({
  ...deviceFields,
  locationId: uuid.nullable(),
  kind: z.enum(PERMANENCE_KINDS),
  startedAt: isoInstant,
  endedAt: isoInstant.nullable().optional(),
  staffUserIds: z.array(z.string().max(64)).max(50).optional(),
  extraHelpers: z.number().int().min(0).max(100).optional(),
  visitorCount: counter,
  turnedAwayCount: counter,
  equipmentUsed: z.string().max(500).nullable().optional(),
  notes: freeText.nullable().optional(),
  difficulties: freeText.nullable().optional(),
  serviceSignals: freeText.nullable().optional(),
  /** Door-to-door rounds: doors knocked on, nobody at home, conversations held. */
  doorCount: counter.optional(),
  notHomeCount: counter.optional(),
  conversationCount: counter.optional(),
});
export type PermanenceInput = z.infer<typeof permanenceInput>;

// ---------------------------------------------------------------- shared sessions

/**
 * One phone's part in a shared session (a permanence opened on another phone): made when the
 * phone joins, written only by that phone, holding what THIS phone counted. The session's
 * totals are the permanence's own counts (the phone that opened it) plus the sum over its
 * members' records (design: src/server/README.md, "Shared sessions"). `endedAt` set: this
 * member ended the session for everyone (the server closes the permanence).
 */
export const sessionMemberInput = z.strictObject({
  ...deviceFields,
  permanenceId: uuid,
  joinedAt: isoInstant,
  endedAt: isoInstant.nullable().optional(),
  visitorCount: counter,
  turnedAwayCount: counter,
  doorCount: counter.optional(),
  notHomeCount: counter.optional(),
  conversationCount: counter.optional(),
});
export type SessionMemberInput = z.infer<typeof sessionMemberInput>;

/** The counters of a session, each summed over the phones that count in it. */
export const SESSION_COUNTERS = [
  'visitorCount',
  'turnedAwayCount',
  'doorCount',
  'notHomeCount',
  'conversationCount',
] as const;
export type SessionCounter = (typeof SESSION_COUNTERS)[number];

// ---------------------------------------------------------------- equipment

export const EQUIPMENT_KINDS = ['laptop', 'tablet', 'phone', 'hotspot', 'other'] as const;
export const EQUIPMENT_STATUSES = ['intake', 'ready', 'on_loan', 'repair', 'given', 'retired'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

export const equipmentInput = z.strictObject({
  ...deviceFields,
  assetTag: z.string().trim().min(1).max(40),
  kind: z.enum(EQUIPMENT_KINDS),
  make: shortText.nullable().optional(),
  model: shortText.nullable().optional(),
  serial: shortText.nullable().optional(),
  specs: z
    .strictObject({
      ramGb: z.number().min(0).max(1024).nullable().optional(),
      storageGb: z.number().min(0).max(100000).nullable().optional(),
      os: shortText.nullable().optional(),
      keyboard: z.enum(['azerty', 'qwerty', 'other']).nullable().optional(),
    })
    .optional(),
  condition: shortText.nullable().optional(),
  status: z.enum(EQUIPMENT_STATUSES),
  accessories: z.array(shortText).max(20).optional(),
  wipedAt: isoInstant.nullable().optional(),
  notes: freeText.nullable().optional(),
});
export type EquipmentInput = z.infer<typeof equipmentInput>;

// ---------------------------------------------------------------- loans

export const LOAN_KINDS = ['loan', 'gift'] as const;
export const LOAN_STATUSES = ['active', 'returned', 'lost', 'given', 'conflict'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/**
 * The accessories every lend and return form lists (a checklist: what went out with the item,
 * what came back). Stored by key in `accessoriesOut` / `accessoriesIn`; anything else is stored
 * as the words typed for it, or the item's own accessory names (equipment `accessories`).
 */
export const STANDARD_ACCESSORIES = ['charger', 'bag', 'mouse'] as const;

export const loanExtension = z.strictObject({
  at: isoInstant,
  previousDueAt: isoInstant.nullable(),
  newDueAt: isoInstant,
});

export const loanInput = z.strictObject({
  ...deviceFields,
  equipmentId: uuid,
  kind: z.enum(LOAN_KINDS),
  borrowerCode: pd(z.string().trim().min(1).max(40), 'pseudonym_link'),
  startedAt: isoInstant,
  dueAt: isoInstant.nullable().optional(),
  extensions: z.array(loanExtension).max(50).optional(),
  returnedAt: isoInstant.nullable().optional(),
  conditionOut: shortText.nullable().optional(),
  conditionIn: shortText.nullable().optional(),
  accessoriesOut: z.array(shortText).max(20).optional(),
  accessoriesIn: z.array(shortText).max(20).optional(),
  agreementExplained: z.boolean().optional(),
  agreementLanguage: z.enum(LANGUAGES).nullable().optional(),
  /**
   * The worker confirmed, when lending, that the borrower was told what is recorded about them
   * and why (the borrower information text) and agrees (the phone saves no loan without it;
   * loans made before the consent step have no value). `consentAt`: when it was confirmed.
   */
  consent: z.boolean().optional(),
  consentAt: isoInstant.nullable().optional(),
  programme: shortText.nullable().optional(),
  status: z.enum(LOAN_STATUSES).optional(),
  notes: freeText.nullable().optional(),
});
export type LoanInput = z.infer<typeof loanInput>;

// ---------------------------------------------------------------- borrowers (coordinators only)

export const borrowerInput = z.strictObject({
  ...deviceFields,
  borrowerCode: z.string().trim().min(1).max(40),
  name: pd(z.string().trim().min(1).max(200), 'identity'),
  phone: pd(z.string().trim().max(40), 'identity').nullable().optional(),
  email: pd(z.string().trim().max(200), 'identity').nullable().optional(),
  consent: z.boolean(),
  consentAt: isoInstant.nullable().optional(),
});
export type BorrowerInput = z.infer<typeof borrowerInput>;

// ---------------------------------------------------------------- reference data

export const locationInput = z.strictObject({
  ...deviceFields,
  name: z.string().trim().min(1).max(200),
  address: shortText.nullable().optional(),
  postcode: z.string().trim().max(10).nullable().optional(),
  active: z.boolean().optional(),
});
export type LocationInput = z.infer<typeof locationInput>;

const labels = z.strictObject({ nl: shortText, fr: shortText, en: shortText });

export const topicInput = z.strictObject({
  ...deviceFields,
  key: topicKey,
  labels: labels.partial().optional(),
  active: z.boolean().optional(),
});
export type TopicInput = z.infer<typeof topicInput>;

export const partnerInput = z.strictObject({
  ...deviceFields,
  name: z.string().trim().min(1).max(200),
  kind: shortText.nullable().optional(),
  contact: shortText.nullable().optional(),
  url: z.string().trim().max(500).nullable().optional(),
  active: z.boolean().optional(),
});
export type PartnerInput = z.infer<typeof partnerInput>;

// ---------------------------------------------------------------- fiches

/** Image types a fiche may show (no SVG: it can carry script). */
export const FICHE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** The largest image a coordinator may upload for a fiche, in bytes. */
export const FICHE_IMAGE_MAX_BYTES = 400 * 1024;

const ficheText = z.strictObject({
  title: z.string().trim().min(1).max(120),
  /** Markdown (a safe subset, src/shared/markdown.ts); images as `![words](image:<id>)`. */
  body: z.string().max(8000),
});

/**
 * A step-by-step card a helper shows a visitor. One record holds its text per language; topics
 * link it to the help form's topics. `starter`: the built-in fiche (src/shared/fiches/) this
 * record replaces (an edited copy, or `active: false` to hide it).
 */
export const ficheInput = z.strictObject({
  ...deviceFields,
  texts: z
    .strictObject({ nl: ficheText.optional(), fr: ficheText.optional(), en: ficheText.optional() })
    .refine((t) => Object.values(t).some(Boolean), { message: 'text_required' }),
  topics: z.array(topicKey).max(10),
  images: z
    .array(
      z.strictObject({
        id: uuid,
        type: z.enum(FICHE_IMAGE_TYPES),
        size: z.number().int().min(1).max(FICHE_IMAGE_MAX_BYTES),
      }),
    )
    .max(20)
    .optional(),
  starter: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .nullable()
    .optional(),
  active: z.boolean().optional(),
});
export type FicheInput = z.infer<typeof ficheInput>;

// ---------------------------------------------------------------- per table

/** The schema a device's record must satisfy, per table. */
export const inputSchemas = {
  help_requests: helpRequestInput,
  permanences: permanenceInput,
  equipment: equipmentInput,
  loans: loanInput,
  borrowers: borrowerInput,
  locations: locationInput,
  topics: topicInput,
  partners: partnerInput,
  fiches: ficheInput,
  session_members: sessionMemberInput,
} as const satisfies Record<TableName, z.ZodObject>;

export type InputOf<T extends TableName> = z.infer<(typeof inputSchemas)[T]>;
/** A record as the server returns it: the device's fields plus the server's. */
export type RecordOf<T extends TableName> = InputOf<T> & ServerFields;

export type HelpRequest = RecordOf<'help_requests'>;
export type Permanence = RecordOf<'permanences'>;
export type Equipment = RecordOf<'equipment'>;
export type Loan = RecordOf<'loans'>;
export type Borrower = RecordOf<'borrowers'>;
export type Location = RecordOf<'locations'>;
export type Topic = RecordOf<'topics'>;
export type Partner = RecordOf<'partners'>;
export type Fiche = RecordOf<'fiches'>;
export type SessionMember = RecordOf<'session_members'>;

/** Tables each role may write (volunteers change equipment status only through loans). */
export const WRITABLE_TABLES: Record<'admin' | 'coordinator' | 'volunteer', readonly TableName[]> = {
  admin: TABLES,
  coordinator: TABLES,
  volunteer: ['help_requests', 'permanences', 'loans', 'session_members'],
};

/** Tables that flow down to every phone as reference data. */
export const REFERENCE_TABLES: readonly TableName[] = [
  'locations',
  'topics',
  'partners',
  'equipment',
  'fiches',
];

/** Keeps only the fields a device may send for a table (drops server and local fields). */
export function toInput<T extends TableName>(
  table: T,
  record: Record<string, unknown>,
): Record<string, unknown> {
  const keys = Object.keys(inputSchemas[table].shape);
  const out: Record<string, unknown> = {};
  for (const k of keys) if (record[k] !== undefined) out[k] = record[k];
  return out;
}
