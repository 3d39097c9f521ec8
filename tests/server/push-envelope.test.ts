// The hand-written envelope check of POST /sync/push (src/server/sync/envelope.ts) must accept
// nothing the zod schema `pushRequest` refuses, and hand back what zod would: checked here over
// a valid batch and hundreds of variants of each of its fields. It must also take the fast path
// for the batches phones send (else the optimisation silently does nothing).
import { describe, expect, it } from 'vitest';
import { wellFormedPush } from '../../src/server/sync/envelope';
import { MAX_MUTATIONS_PER_PUSH, pushRequest } from '../../src/shared/sync-protocol';
import { MALFORMED_UNICODE } from './malformed';

const ID = '0190a000-0000-7000-8000-000000000001';

function valid(): Record<string, unknown> {
  return {
    deviceId: 'device-1',
    schemaVersion: 1,
    mutations: [
      {
        mutationId: 1,
        table: 'help_requests',
        op: 'upsert',
        id: ID,
        baseVersion: null,
        record: { id: ID, note: 'x' },
      },
      { mutationId: 2, table: 'loans', op: 'delete', id: ID, baseVersion: 3 },
    ],
  };
}

const ODD: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  '',
  '1',
  'x'.repeat(65),
  'upsert',
  'help_requests',
  ID,
  ID.toUpperCase(),
  '0190a000-0000-9000-8000-000000000001',
  '0190a000-0000-7000-c000-000000000001',
  '00000000-0000-0000-0000-000000000000',
  `${ID}\n`,
  [],
  {},
  [1],
  { a: 1 },
  ...MALFORMED_UNICODE,
];

function variants(): unknown[] {
  const out: unknown[] = [valid(), null, [], 'x', {}];
  const fields = ['deviceId', 'schemaVersion', 'mutations', 'extra'];
  for (const f of fields) {
    for (const v of ODD) {
      const b = valid();
      if (v === undefined) delete b[f];
      else b[f] = v;
      out.push(b);
    }
  }
  const mutationFields = ['mutationId', 'table', 'op', 'id', 'baseVersion', 'record', 'extra'];
  for (const i of [0, 1]) {
    for (const f of mutationFields) {
      for (const v of ODD) {
        const b = valid();
        const m = (b.mutations as Array<Record<string, unknown>>)[i]!;
        if (v === undefined) delete m[f];
        else m[f] = v;
        out.push(b);
      }
    }
  }
  for (const key of [...MALFORMED_UNICODE, '', '__proto__', 'constructor']) {
    const b = valid();
    const m = (b.mutations as Array<Record<string, unknown>>)[0]!;
    m.record = JSON.parse(`{${JSON.stringify(key)}: 1}`) as Record<string, unknown>;
    out.push(b);
  }
  const many = valid();
  const first = (many.mutations as unknown[])[0];
  many.mutations = Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, () => first);
  out.push(many);
  const full = valid();
  full.mutations = Array.from({ length: MAX_MUTATIONS_PER_PUSH }, () => first);
  out.push(full);
  return out;
}

describe('push envelope fast path', () => {
  it('accepts only bodies zod accepts, and returns what zod returns', () => {
    let fast = 0;
    for (const body of variants()) {
      const mine = wellFormedPush(body);
      const zod = pushRequest.safeParse(body);
      if (mine !== undefined) {
        fast++;
        expect(zod.success, JSON.stringify(body)).toBe(true);
        expect(mine).toEqual(zod.data);
      }
    }
    expect(fast).toBeGreaterThan(5);
  });

  it('takes the fast path for a batch as phones send it', () => {
    expect(wellFormedPush(valid())).toBeDefined();
    expect(wellFormedPush(JSON.parse(JSON.stringify(valid())))).toBeDefined();
  });
});
