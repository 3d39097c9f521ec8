// Table types of users, their devices (one per app install and token) and enrolment codes.
import type { Role } from '../../shared/api';

export interface UsersTable {
  id: string;
  org_id: string;
  /** Null for users created by an enrolment code. */
  email: string | null;
  name: string;
  role: Role;
  /** argon2id; null when the user can only enrol with a code. */
  password_hash: string | null;
  created_at: string;
  /** When a coordinator or admin disabled the account (its tokens were revoked then); null: active. */
  disabled_at: string | null;
}

export interface DevicesTable {
  id: string;
  org_id: string;
  user_id: string;
  label: string | null;
  /** sha256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  last_mutation_id: number;
  last_seen_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface EnrolmentCodesTable {
  org_id: string;
  /** Names the code in the API (list, withdraw); the code itself is never stored. */
  id: string;
  /** sha256 (hex) of the code. */
  code_hash: string;
  name: string;
  role: 'volunteer';
  created_by: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A `rejected` or `conflict` push outcome, answered again when the device replays that mutation. */
export interface DeviceOutcomesTable {
  org_id: string;
  device_id: string;
  mutation_id: number;
  /** JSON of the result without its mutationId: `{status, error?, version?, record?}`. */
  result: string;
}

/** Failed sign-in, enrolment and reset attempts per key, shared by every instance. */
export interface AuthAttemptsTable {
  /** sha256 (hex) of what is counted, e.g. `login|acct|<e-mail>`. */
  key: string;
  /** Attempts in the current window (an attempt counts before the password check). */
  failures: number;
  /** When the window ends (UTC ISO). */
  reset_at: string;
}

/** A one-time code that lets one user choose a new password (and signs them in). */
export interface ResetCodesTable {
  /** sha256 (hex) of the code. */
  code_hash: string;
  org_id: string;
  user_id: string;
  created_by: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** An append-only security event: never a password, token, code or visitor's personal data. */
export interface SecurityEventsTable {
  /** '' for an event of no organisation (sign-in with an unknown e-mail). */
  org_id: string;
  id: string;
  at: string;
  kind: string;
  actor_id: string | null;
  subject_id: string | null;
  /** JSON of a few plain facts (table exported, role given), or null. */
  details: string | null;
}
