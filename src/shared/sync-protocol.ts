// The sync wire format (described in src/server/routes/sync.doc.ts): push a batch of numbered mutations, pull changes after a
// cursor. The envelope is validated strictly; each mutation's record is validated on its own
// (records.ts) so that one bad record is `rejected` without refusing the whole batch.
import { z } from './zod';
import { apiError } from './api';
import { tableName, uuid } from './records';

/** The record schema version this build speaks; the server answers 426 to older ones. */
export const SCHEMA_VERSION = 1;
/**
 * Mutations and bytes of one push. 2,000 typical help requests are ~1 MB; fewer, larger
 * batches mean fewer commits (issue 12). Other requests stay within MAX_REQUEST_BYTES.
 */
export const MAX_MUTATIONS_PER_PUSH = 2000;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
export const MAX_REQUEST_BYTES = 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;

export const mutation = z.strictObject({
  mutationId: z.number().int().positive(),
  table: tableName,
  op: z.enum(['upsert', 'delete']),
  id: uuid,
  baseVersion: z.number().int().positive().nullable(),
  record: z.record(z.string(), z.unknown()).optional(),
});
export type Mutation = z.infer<typeof mutation>;

export const pushRequest = z.strictObject({
  deviceId: z.string().min(1).max(64),
  schemaVersion: z.number().int().positive(),
  mutations: z.array(mutation).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequest>;

export const MUTATION_STATUSES = ['applied', 'skipped', 'conflict', 'rejected'] as const;
export type MutationStatus = (typeof MUTATION_STATUSES)[number];

export const mutationResult = z.object({
  mutationId: z.number().int(),
  status: z.enum(MUTATION_STATUSES),
  version: z.number().int().optional(),
  record: z.record(z.string(), z.unknown()).optional(),
  error: apiError.shape.error.optional(),
});
export type MutationResult = z.infer<typeof mutationResult>;

export const pushResponse = z.object({
  lastMutationId: z.number().int().min(0),
  results: z.array(mutationResult),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const pullQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
});
export type PullQuery = z.infer<typeof pullQuery>;

export const change = z.object({
  table: tableName,
  id: z.string(),
  version: z.number().int(),
  deleted: z.boolean(),
  record: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof change>;

export const pullResponse = z.object({
  changes: z.array(change),
  cursor: z.string(),
  hasMore: z.boolean(),
  /**
   * The caller's device's last handled mutationId, as a push answers it: a phone that sees it
   * below what the server had acknowledged knows the server lost pushes (a restored backup)
   * and sends again what it still holds. Optional: older servers do not send it.
   */
  lastMutationId: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof pullResponse>;
