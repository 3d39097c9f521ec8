// The push request's envelope checked by hand, for the common case of a well-formed batch: the
// zod schema (`pushRequest`) copies every record while checking it is an object, and each
// record is then checked again, fully, by its table's schema in apply.ts. This accepts exactly
// a subset of what `pushRequest` accepts (same keys, types, bounds, uuid and enum checks) and
// hands back the body itself; anything else answers undefined, and the route then lets zod
// judge the body, so refusals keep zod's error body. tests/server/push-envelope.test.ts holds
// the two to agreement.
import { TABLES, type TableName } from '../../shared/records';
import { MAX_MUTATIONS_PER_PUSH, type PushRequest } from '../../shared/sync-protocol';
import { isWellFormed } from '../../shared/unicode';

/** zod 4's uuid pattern (`z.uuid()`): RFC 9562 variants 1-8, nil and max. */
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const TABLE_SET = new Set<unknown>(TABLES);
const ENVELOPE_KEYS = new Set(['deviceId', 'schemaVersion', 'mutations']);
const MUTATION_KEYS = new Set(['mutationId', 'table', 'op', 'id', 'baseVersion', 'record']);

const positiveInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function onlyKeys(o: Record<string, unknown>, allowed: Set<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

function isMutation(m: unknown): boolean {
  if (!isPlainObject(m) || !onlyKeys(m, MUTATION_KEYS)) return false;
  if (!positiveInt(m.mutationId)) return false;
  if (!TABLE_SET.has(m.table as TableName)) return false;
  if (m.op !== 'upsert' && m.op !== 'delete') return false;
  if (typeof m.id !== 'string' || !UUID.test(m.id)) return false;
  if (m.baseVersion !== null && !positiveInt(m.baseVersion)) return false;
  if ('record' in m) {
    const r = m.record;
    if (!isPlainObject(r)) return false;
    // zod drops an own `__proto__` key (Fastify refuses such bodies before, anyway).
    for (const k in r) if (k === '__proto__' || !isWellFormed(k)) return false;
  }
  return true;
}

/** The body as a PushRequest when it certainly passes `pushRequest`, else undefined. */
export function wellFormedPush(body: unknown): PushRequest | undefined {
  if (!isPlainObject(body) || !onlyKeys(body, ENVELOPE_KEYS)) return undefined;
  const { deviceId, schemaVersion, mutations } = body;
  if (typeof deviceId !== 'string' || deviceId.length < 1 || deviceId.length > 64) return undefined;
  if (!isWellFormed(deviceId)) return undefined;
  if (!positiveInt(schemaVersion)) return undefined;
  if (!Array.isArray(mutations) || mutations.length > MAX_MUTATIONS_PER_PUSH) return undefined;
  for (const m of mutations) if (!isMutation(m)) return undefined;
  return body as unknown as PushRequest;
}
