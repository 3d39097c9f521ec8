// Auth, organisation and device schemas of API.md, and the one error body used on the wire.
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
const password = z.string().min(10).max(200);
const deviceLabel = z.string().trim().max(100).optional();

export const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  orgId: z.string(),
});
export type User = z.infer<typeof user>;

export const org = z.object({ id: z.string(), name: z.string() });
export type Org = z.infer<typeof org>;

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
export const createUserRequest = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200),
  password,
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

export const device = z.object({
  deviceId: z.string(),
  label: z.string().nullable(),
  userId: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const devicesResponse = z.object({ devices: z.array(device) });
