// Auth, organisation and device schemas of the API, and the one error body used on the wire.
import { z } from './zod';

export const ROLES = ['admin', 'coordinator', 'volunteer'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/** The only error body the API sends: `{error: {code, message, issues?}}`. */
export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.unknown()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiError>;

const email = z.email().max(200);
/**
 * A new password. Its strength (at least 12 characters, not common or easily guessed) is judged
 * on the server, which answers 400 `weak_password` with the reason (`weakPasswordIssue`).
 */
const password = z.string().min(1).max(200);
const deviceLabel = z.string().trim().max(100).optional();

export const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  orgId: z.string(),
});
export type User = z.infer<typeof user>;

export const org = z.object({
  id: z.string(),
  name: z.string(),
  /** Whom people ask about their data (information texts, GDPR art. 13); null until set. */
  privacyContact: z.string().nullable().optional(),
});
export type Org = z.infer<typeof org>;

/** PATCH /org: what a coordinator may change of their organisation. */
export const orgPatchRequest = z.strictObject({
  /** An e-mail address, a phone number or a postal address; empty or null clears it. */
  privacyContact: z.string().trim().max(300).nullable(),
});
export type OrgPatchRequest = z.infer<typeof orgPatchRequest>;

export const loginRequest = z.strictObject({
  email: z.string().max(200),
  password: z.string().max(200),
  deviceLabel,
});
export const enrolRequest = z.strictObject({ code: z.string().min(1).max(100), deviceLabel });
export const session = z.object({ token: z.string(), deviceId: z.string(), user });
export type Session = z.infer<typeof session>;

export const meResponse = z.object({ user, org });

export const createOrgRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  coordinator: z.strictObject({ email, name: z.string().trim().min(1).max(200), password }),
});
/**
 * A new user. Without `password` the person cannot sign in until they set one with a reset
 * code (the coordinator makes one and hands it over: they never need to know the password).
 */
export const createUserRequest = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200),
  password: password.optional(),
  role: z.enum(['volunteer', 'coordinator']),
});
export const createEnrolmentCodeRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.literal('volunteer'),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});
export const enrolmentCodeResponse = z.object({ code: z.string(), url: z.string(), expiresAt: z.string() });
export type EnrolmentCodeResponse = z.infer<typeof enrolmentCodeResponse>;

export const device = z.object({
  deviceId: z.string(),
  label: z.string().nullable(),
  userId: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const devicesResponse = z.object({ devices: z.array(device) });

/** The roles a user can be given through the API (an admin is only made at bootstrap). */
export const MANAGED_ROLES = ['volunteer', 'coordinator'] as const;
export type ManagedRole = (typeof MANAGED_ROLES)[number];

/** A user as coordinators and admins see them (GET /users, PATCH /users/:id). */
export const managedUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  /** When the account was disabled; null while active. */
  disabledAt: z.string().nullable(),
  /** The last contact of any of the user's phones or browsers; null if never. */
  lastSeenAt: z.string().nullable(),
});
export type ManagedUser = z.infer<typeof managedUser>;
export const usersResponse = z.object({ users: z.array(managedUser) });

export const userParams = z.strictObject({ id: z.string().min(1).max(64) });
export const updateUserRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(MANAGED_ROLES).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => b.name !== undefined || b.role !== undefined || b.disabled !== undefined, {
    message: 'nothing to change: give name, role or disabled',
  });

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: password,
});

export const createResetCodeRequest = z.strictObject({
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .optional(),
});
export const resetCodeResponse = enrolmentCodeResponse;
export const resetRequest = z.strictObject({
  code: z.string().min(1).max(100),
  newPassword: password,
  deviceLabel,
});
/** Asked before using a code: whose it is, so the phone can show it and ask first. */
export const codeCheckRequest = z.strictObject({ code: z.string().min(1).max(100) });
export const codeCheckResponse = z.object({
  orgName: z.string(),
  /** The name the code was made for (enrolment) or the account's name (reset). */
  name: z.string(),
  expiresAt: z.string(),
});
export type CodeCheck = z.infer<typeof codeCheckResponse>;

/** The reasons of a 400 `weak_password` (issue `{code: 'weak_password', path, reason}`). */
export const WEAK_REASONS = ['too_short', 'personal', 'common', 'pattern', 'guessable'] as const;
export type WeakReason = (typeof WEAK_REASONS)[number];

export const pendingEnrolmentCode = z.object({
  id: z.string(),
  name: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  /** The user who made it. */
  createdBy: z.string(),
});
export const enrolmentCodesResponse = z.object({ codes: z.array(pendingEnrolmentCode) });
export const enrolmentCodeParams = z.strictObject({ id: z.string().min(1).max(64) });

export const SECURITY_EVENT_KINDS = [
  'sign_in_failed',
  'enrolment_failed',
  'reset_failed',
  'user_created',
  'user_disabled',
  'user_enabled',
  'role_changed',
  'password_changed',
  'reset_code_created',
  'password_reset',
  'export',
  'borrower_exported',
  'borrower_erased',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

const person = z.object({ id: z.string(), name: z.string() }).nullable();
export const securityEvent = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(SECURITY_EVENT_KINDS),
  /** The organisation; null for an event of none (a sign-in with an unknown e-mail). */
  org: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Who did it, when known. */
  actor: person,
  /** The account it concerned, when there is one. */
  subject: person,
  /** Plain facts: the table and format of an export, the new role, a failure's reason. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type SecurityEvent = z.infer<typeof securityEvent>;
export const securityEventsResponse = z.object({
  events: z.array(securityEvent),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});
