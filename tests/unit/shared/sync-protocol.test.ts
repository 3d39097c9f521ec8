// The sync wire format (src/server/routes/sync.doc.ts): the push envelope is strict and bounded, pull queries
// are coerced from the query string and bounded, and the server's answers parse.
import { describe, expect, it } from 'vitest';
import {
  MAX_MUTATIONS_PER_PUSH,
  MAX_PULL_LIMIT,
  pullQuery,
  pullResponse,
  pushRequest,
  pushResponse,
  SCHEMA_VERSION,
} from '../../../src/shared/sync-protocol';
import { fullRecords, ID } from './records.fixtures';
import { issuesOf } from './issues';

const mutation = (over: Record<string, unknown> = {}) => ({
  mutationId: 1,
  table: 'help_requests',
  op: 'upsert',
  id: ID,
  baseVersion: null,
  record: fullRecords.help_requests,
  ...over,
});
const push = (mutations: unknown[], over: Record<string, unknown> = {}) => ({
  deviceId: 'device-1',
  schemaVersion: SCHEMA_VERSION,
  mutations,
  ...over,
});

describe('push request', () => {
  it('accepts upserts and deletes', () => {
    const body = push([
      mutation(),
      mutation({ mutationId: 2, op: 'delete', baseVersion: 3, record: undefined }),
    ]);
    expect(issuesOf(pushRequest, body)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, PropertyKey[], string]>([
    ['a mutation id of 0', { mutationId: 0 }, ['mutationId'], 'too_small'],
    ['a fractional mutation id', { mutationId: 1.5 }, ['mutationId'], 'invalid_type'],
    ['an unknown table', { table: 'users' }, ['table'], 'invalid_value'],
    ['an unknown op', { op: 'patch' }, ['op'], 'invalid_value'],
    ['an id that is not a UUID', { id: 'abc' }, ['id'], 'invalid_format'],
    ['a base version of 0', { baseVersion: 0 }, ['baseVersion'], 'too_small'],
    ['a record that is not an object', { record: 'x' }, ['record'], 'invalid_type'],
  ])('refuses %s, at that field of that mutation', (_what, over, path, code) => {
    expect(issuesOf(pushRequest, push([mutation(), mutation({ mutationId: 2, ...over })]))).toEqual([
      expect.objectContaining({ path: ['mutations', 1, ...path], code }),
    ]);
  });

  it('refuses unknown fields in the envelope and in a mutation', () => {
    expect(issuesOf(pushRequest, push([], { sentAt: 'now' }))).toEqual([
      expect.objectContaining({ path: [], code: 'unrecognized_keys' }),
    ]);
    expect(issuesOf(pushRequest, push([mutation({ priority: 1 })]))).toEqual([
      expect.objectContaining({ path: ['mutations', 0], code: 'unrecognized_keys' }),
    ]);
  });

  it(`takes at most ${MAX_MUTATIONS_PER_PUSH} mutations and needs a device id`, () => {
    const many = Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, (_, i) =>
      mutation({ mutationId: i + 1 }),
    );
    expect(issuesOf(pushRequest, push(many))).toEqual([
      expect.objectContaining({ path: ['mutations'], code: 'too_big' }),
    ]);
    expect(issuesOf(pushRequest, push(many.slice(1)))).toEqual([]);
    expect(issuesOf(pushRequest, push([], { deviceId: '' }))).toEqual([
      expect.objectContaining({ path: ['deviceId'], code: 'too_small' }),
    ]);
    expect(issuesOf(pushRequest, push([], { schemaVersion: undefined }))).toEqual([
      expect.objectContaining({ path: ['schemaVersion'], code: 'invalid_type' }),
    ]);
  });
});

describe('pull query', () => {
  it('coerces the limit from the query string and bounds it', () => {
    expect(pullQuery.parse({ cursor: 'abc', limit: '50' })).toEqual({ cursor: 'abc', limit: 50 });
    expect(pullQuery.parse({})).toEqual({});
    for (const limit of ['0', String(MAX_PULL_LIMIT + 1), '2.5', 'ten']) {
      expect(
        issuesOf(pullQuery, { limit }).map((i) => i.path),
        limit,
      ).toEqual([['limit']]);
    }
    expect(issuesOf(pullQuery, { cursor: 'c'.repeat(201) })).toEqual([
      expect.objectContaining({ path: ['cursor'], code: 'too_big' }),
    ]);
    expect(issuesOf(pullQuery, { since: '1' })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys' }),
    ]);
  });
});

describe('server answers', () => {
  it('parse a push response with applied, conflicting and rejected mutations', () => {
    const answer = {
      lastMutationId: 3,
      results: [
        { mutationId: 1, status: 'applied', version: 1 },
        { mutationId: 2, status: 'conflict', version: 4, record: { id: ID } },
        {
          mutationId: 3,
          status: 'rejected',
          error: { code: 'validation_failed', message: 'bad', issues: [{ path: ['topics'] }] },
        },
      ],
    };
    expect(pushResponse.parse(answer)).toEqual(answer);
    expect(issuesOf(pushResponse, { ...answer, results: [{ mutationId: 1, status: 'lost' }] })).toEqual([
      expect.objectContaining({ path: ['results', 0, 'status'], code: 'invalid_value' }),
    ]);
  });

  it('parse a pull page, deletions with a null record', () => {
    const page = {
      changes: [
        { table: 'topics', id: ID, version: 2, deleted: false, record: fullRecords.topics },
        { table: 'loans', id: ID, version: 5, deleted: true, record: null },
      ],
      cursor: 'opaque',
      hasMore: false,
    };
    expect(pullResponse.parse(page)).toEqual(page);
    expect(issuesOf(pullResponse, { ...page, hasMore: undefined })).toEqual([
      expect.objectContaining({ path: ['hasMore'] }),
    ]);
  });
});
