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
