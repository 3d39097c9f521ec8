// Property-based bad input against every route the app has (read from the app, so a new route is
// fuzzed too): random and malicious bodies, query strings, path parameters, headers and tokens.
// For each request: never a 5xx, never a stack trace or internal path, a 4xx has the API
// error body, a 4xx stores nothing (row counts of every table unchanged), and Object.prototype
// is never polluted. FC_RUNS sets the runs per route (npm run test:soak uses a larger count).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDevice } from '../../src/server/db/devices.repository';
import { insertUser } from '../../src/server/db/users.repository';
import { newId } from '../../src/shared/ids';
import { TABLES } from '../../src/shared/records';
import { CREATABLE_TABLES } from '../../src/shared/review';
import { equipment, helpRequest, loan, push } from './fixtures';
import { startTestServer, testDatabases, type TestServer } from './helpers';
import {
  encodeWtf8,
  findMalformedStored,
  IMPOSSIBLE_DATES,
  malformedVariants,
  MALFORMED_PERCENT,
  MALFORMED_UNICODE,
  replaceAt,
  stringLeaves,
} from './malformed';
import { expectApiError, INTERNALS, listRoutes, routeKey, rowCounts, tableNames, type Route } from './routes';

const RUNS = Number(process.env.FC_RUNS) || 20;

/** JSON text spliced into a body as is (deep nesting, odd numbers, poisoned keys). */
class Raw {
  constructor(readonly text: string) {}
}
/** Replaced when the request is sent: the device id of the token used, its next mutation id. */
const DEVICE = '\u0001device';
const NEXT_MUTATION = '\u0001next';

type J = null | boolean | number | string | Raw | J[] | { [k: string]: J };

const EVIL_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  "'; DROP TABLE help_requests; --",
  '" OR 1=1 --',
  '1) union select token_hash from devices --',
  '${7*7}{{7*7}}',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\ufeff',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '',
  ' ',
  'null',
  'undefined',
  '%',
  '%00',
  '\\',
  '😀👨‍👩‍👧',
  'javascript:alert(1)',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '00000000-0000-0000-0000-000000000000',
  'B-0042',
  'help_requests',
  'help_requests.csv',
  ...MALFORMED_UNICODE,
  ...IMPOSSIBLE_DATES,
];

const asciiChar = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const ascii = (maxLength: number) => fc.string({ unit: asciiChar, maxLength });

const evilString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EVIL_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(300, 5_000, 70_000, 1_100_000).map((n) => 'A'.repeat(n)) },
);

const nested = (depth: number, open: string, close: string) =>
  new Raw(open.repeat(depth) + close.repeat(depth));
const POISON = [
  new Raw('{"__proto__":{"polluted":"yes"}}'),
  new Raw('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  new Raw('{"__proto__":{"toString":"x","isAdmin":true}}'),
  new Raw('[{"__proto__":{"polluted":"yes"}}]'),
];

const evilValue: fc.Arbitrary<J> = fc.oneof(
  { weight: 6, arbitrary: evilString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new Raw('1e999'),
      new Raw('-0'),
      new Raw('123456789012345678901234567890'),
      new Raw('1.5'),
      new Raw('-1'),
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 30_000 }).map((d) => nested(d, '[', ']')) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 20, max: 30_000 })
      .map((d) => nested(d, '{"a":', '}').text)
      .map((t) => new Raw(t.replace(/}+$/, (m) => '1' + m))),
  },
  { weight: 2, arbitrary: fc.constantFrom(...POISON) },
  { weight: 1, arbitrary: fc.array(evilString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(ascii(8), evilString, { maxKeys: 3 }) },
);

const evilKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'orgId',
    'org_id',
    'createdBy',
    'version',
    'deleted',
    'role',
    'id',
    '$where',
    'toString',
    '',
  ),
  ascii(12),
);

function toJson(v: J, ctx: { device: string; next: number }): string {
  if (v instanceof Raw) return v.text;
  if (v === DEVICE) return JSON.stringify(ctx.device);
  if (v === NEXT_MUTATION) return String(ctx.next);
  if (Array.isArray(v)) return `[${v.map((x) => toJson(x, ctx)).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${toJson(v[k]!, ctx)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** Raw JSON (no Raw, no markers) of a base value, for the leaf walkers of malformed.ts. */
type Plain = Parameters<typeof stringLeaves>[0];

/** `base` with one of its strings, at any depth, made malformed Unicode or an impossible date. */
function brokenLeaf(base: Record<string, J>): fc.Arbitrary<J> {
  const leaves = stringLeaves(base as Plain).filter((p) => !isMarker(leafAt(base, p)));
  if (leaves.length === 0) return fc.constant<J>(base);
  return fc
    .constantFrom(...leaves)
    .chain((path) =>
      fc
        .constantFrom(...malformedVariants(leafAt(base, path) as string))
        .map((v) => replaceAt(base as Plain, path, v) as J),
    );
}

const leafAt = (v: J, path: Array<string | number>): J =>
  path.reduce<J>((at, k) => (at as Record<string | number, J>)[k]!, v);
const isMarker = (v: J) => v === DEVICE || v === NEXT_MUTATION;

/**
 * `base` as is, with one field replaced by a malicious value, with a malicious extra key, or with
 * one string (at any depth) made malformed.
 */
function tweak(base: Record<string, J>): fc.Arbitrary<J> {
  const keys = Object.keys(base);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<J>(base) },
    { weight: 2, arbitrary: brokenLeaf(base) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...keys), evilValue)
        .map(([k, v]) => Object.fromEntries(Object.entries(base).map(([bk, bv]) => [bk, bk === k ? v : bv]))),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(evilKey, evilValue)
        .map(([k, v]) => Object.fromEntries([...Object.entries(base), [k, v]])),
    },
  );
}

/** A path parameter or query value sent as is: a percent-encoding that does not decode. */
const RAW_URL = '\u0002';
/** Percent-encodes a path parameter (a lone surrogate as its WTF-8 bytes, so it arrives). */
const encodePath = (s: string) => (s.startsWith(RAW_URL) ? s.slice(1) : encodeWtf8(s));
/** A query string from pairs, encoded like a path parameter. */
const queryOf = (pairs: Array<[string, string]>) =>
  pairs.map(([k, v]) => `${encodePath(k)}=${encodePath(v)}`).join('&');

type TokenName = 'none' | 'garbage' | 'volunteer' | 'coordinator' | 'admin' | 'other';
const TOKENS: TokenName[] = ['none', 'garbage', 'volunteer', 'coordinator', 'admin', 'other'];

interface Body {
  kind: 'json' | 'raw' | 'none';
  value?: J;
  text?: string;
  contentType?: string;
}

interface Req {
  token: TokenName;
  params: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  body: Body;
}

const INVALID_JSON = [
  '{',
  '{"a":',
  'nul',
  '[1,2',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '{"a":1,}',
  '\ufeff{}',
  ' ',
  'undefined',
  '{"a":"\\x41"}',
  '{"a":"\\ud800"}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
];
const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/html',
  'application/json; charset=utf-16',
  'application/javascript',
  'image/png',
  'application/jsonp',
  'application/json-patch+json',
];

const genericBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Body>({ kind: 'none' }) },
  { weight: 3, arbitrary: evilValue.map<Body>((value) => ({ kind: 'json', value })) },
  {
    weight: 3,
    arbitrary: fc
      .dictionary(evilKey, evilValue, { maxKeys: 4 })
      .map<Body>((value) => ({ kind: 'json', value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...INVALID_JSON)
      .map<Body>((text) => ({ kind: 'raw', text, contentType: 'application/json' })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...WRONG_TYPES), fc.oneof(evilString, fc.constant('{"a":1}')))
      .map<Body>(([contentType, text]) => ({ kind: 'raw', text, contentType })),
  },
);

const QUERY_KEYS = ['from', 'to', 'cursor', 'limit', 'locationId', 'reviewState', 'createdBy', 'topic'];
const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 5,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...QUERY_KEYS),
            evilKey,
            fc.constantFrom('a[b][c]', '__proto__[polluted]', 'constructor[prototype][polluted]'),
          ),
          evilString,
        ),
        {
          maxLength: 4,
        },
      )
      .map((pairs) => queryOf(pairs.map(([k, v]) => [k, v.length > 5000 ? v.slice(0, 5000) : v]))),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('a=%E0%A4%A', '%', '&&&', '=x', 'from[]=1&from[]=2', 'limit=1&limit=2', '?'),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...QUERY_KEYS), fc.constantFrom(...MALFORMED_PERCENT))
      .map(([k, p]) => `${k}=${p}`),
  },
);

const headerArb: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    accept: fc.constantFrom('text/html', '*/*', 'application/xml', 'application/json', ''),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', '127.0.0.1, 10.0.0.1', 'garbage'),
    'x-http-method-override': fc.constantFrom('DELETE', 'PATCH'),
    'accept-language': ascii(30),
    origin: fc.constantFrom('https://evil.example', 'null'),
    cookie: ascii(40),
    'x-evil': ascii(200),
  },
  { requiredKeys: [] },
);

const uuidLike = fc.oneof(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'));

/** Fixtures every run can point at: records of this organisation and another's. */
interface World {
  helpId: string;
  equipmentId: string;
  loanId: string;
  otherHelpId: string;
  borrowerCode: string;
  /** A volunteer of this organisation that PATCH /users/:id and reset codes may act on. */
  personId: string;
}

function paramValue(name: string, w: World): fc.Arbitrary<string> {
  const valid: Record<string, fc.Arbitrary<string>> = {
    table: fc.constantFrom(...TABLES),
    id: fc.constantFrom(w.helpId, w.equipmentId, w.loanId, w.otherHelpId, w.personId),
    file: fc.constantFrom(...TABLES.map((t) => `${t}.csv`), 'users.csv', 'devices.csv'),
    code: fc.constantFrom(w.borrowerCode, 'B-0042'),
  };
  return fc.oneof(
    { weight: 3, arbitrary: valid[name] ?? uuidLike },
    { weight: 1, arbitrary: uuidLike },
    { weight: 3, arbitrary: evilString.map((s) => (s.length > 3000 ? s.slice(0, 3000) : s)) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_PERCENT).map((p) => RAW_URL + p) },
  );
}

/** A valid record of `table` (fresh id), the starting point of bodies that carry records. */
function sampleRecord(table: string, w: World): Record<string, J> {
  const id = newId();
  switch (table) {
    case 'help_requests':
      return helpRequest({ id, note: '<script>alert(1)</script>' }) as Record<string, J>;
    case 'equipment':
      return equipment({ id, notes: 'fuzz' }) as Record<string, J>;
    case 'loans':
      return loan(w.equipmentId, { id, notes: 'fuzz', dueAt: new Date().toISOString() }) as Record<string, J>;
    case 'permanences':
      return {
        id,
        locationId: null,
        kind: 'permanence',
        startedAt: new Date().toISOString(),
        visitorCount: 1,
        turnedAwayCount: 0,
        notes: 'fuzz',
      };
    case 'borrowers':
      return { id, borrowerCode: `B-${id.slice(0, 6)}`, name: 'Fuzz', phone: '0470', consent: true };
    case 'topics':
      return { id, key: 'fuzz_topic', labels: { nl: 'Fuzz', fr: 'Fuzz', en: 'Fuzz' } };
    case 'fiches':
      return {
        id,
        texts: { nl: { title: 'Fuzz', body: '1. <script>alert(1)</script>' } },
        topics: ['itsme'],
      };
    default:
      return { id, name: 'Fuzz' };
  }
}

/**
 * Valid bodies and query of a route (fresh ids on each call): what the fuzz breaks one part at a
 * time, and what the sweep breaks one string at a time.
 */
function bases(route: Route, w: World): { bodies?: Array<Record<string, J>>; query?: Record<string, J> } {
  const email = `fuzz-${newId()}@example.org`;
  const period = { from: '2026-01-01', to: '2026-12-31' };
  switch (routeKey(route)) {
    case 'POST /api/v1/auth/login':
      return { bodies: [{ email, password: 'correct horse battery staple', deviceLabel: 'x' }] };
    case 'POST /api/v1/auth/enrol':
      return { bodies: [{ code: 'A'.repeat(22), deviceLabel: 'x' }] };
    case 'POST /api/v1/orgs':
      return {
        bodies: [
          { name: 'Fuzz org', coordinator: { email, name: 'Fuzz', password: 'long enough password' } },
        ],
      };
    case 'POST /api/v1/users':
      return { bodies: [{ email, name: 'Fuzz', password: 'long enough password', role: 'volunteer' }] };
    case 'POST /api/v1/enrolment-codes':
      return { bodies: [{ name: 'Fuzz', role: 'volunteer', expiresInHours: 1 }] };
    case 'PATCH /api/v1/users/:id':
      return { bodies: [{ name: 'Fuzz', role: 'volunteer', disabled: false }] };
    case 'POST /api/v1/users/:id/reset-codes':
      return { bodies: [{ expiresInHours: 1 }] };
    case 'POST /api/v1/auth/password':
      return { bodies: [{ currentPassword: 'not the password', newPassword: 'long enough password' }] };
    case 'POST /api/v1/auth/reset':
      return { bodies: [{ code: 'A'.repeat(22), newPassword: 'long enough password' }] };
    case 'POST /api/v1/auth/reset/check':
    case 'POST /api/v1/auth/enrol/check':
      return { bodies: [{ code: 'A'.repeat(22) }] };
    case 'GET /api/v1/security-events':
    case 'HEAD /api/v1/security-events':
      return { query: { ...period, limit: '5' } };
    case 'POST /api/v1/sync/push':
      return {
        bodies: TABLES.map((table) => {
          const record = sampleRecord(table, w);
          const m = {
            mutationId: NEXT_MUTATION,
            table,
            op: 'upsert',
            id: record.id!,
            baseVersion: null,
            record,
          };
          return { deviceId: DEVICE, schemaVersion: 1, mutations: [m] };
        }),
      };
    case 'GET /api/v1/sync/pull':
    case 'HEAD /api/v1/sync/pull':
      return { query: { cursor: '', limit: '10' } };
    case 'GET /api/v1/records/:table':
    case 'HEAD /api/v1/records/:table':
      return { query: { ...period, reviewState: 'new', limit: '5', topic: 'itsme' } };
    case 'POST /api/v1/records/:table':
      return { bodies: CREATABLE_TABLES.map((t) => ({ record: sampleRecord(t, w) })) };
    case 'POST /api/v1/records/:table/review':
      return { bodies: [{ ids: [w.helpId], reviewState: 'reviewed', reviewComment: '<b>ok</b>' }] };
    case 'PATCH /api/v1/records/:table/:id':
      return {
        bodies: [
          { reviewState: 'has_issues', reviewComment: '<script>x</script>', changes: { note: 'corrected' } },
          { changes: { occurredAt: new Date().toISOString(), topics: ['itsme'] } },
        ],
      };
    case 'POST /api/v1/fiche-images':
      return {
        bodies: [
          {
            type: 'image/png',
            data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
          },
        ],
      };
    case 'POST /api/v1/conflicts/:id/resolve':
      return {
        bodies: [
          { action: 'choose', keep: 'incoming' },
          { action: 'edit', changes: { note: '<img src=x onerror=alert(1)>' } },
          { action: 'cancel' },
        ],
      };
    case 'GET /api/v1/reports/summary':
    case 'HEAD /api/v1/reports/summary':
    case 'GET /api/v1/export/:file':
    case 'HEAD /api/v1/export/:file':
      return { query: period };
    default:
      return {};
  }
}

/** A query string of a query object (non-strings as JSON text). */
const queryText = (o: Record<string, J>) =>
  queryOf(
    Object.entries(o).map(([k, v]) => [
      k,
      typeof v === 'string' ? v.slice(0, 5000) : toJson(v, { device: '', next: 0 }),
    ]),
  );

/** Bodies and queries shaped like the route's real input, one part at a time made malicious. */
function structured(route: Route, w: World): { body?: fc.Arbitrary<J>; query?: fc.Arbitrary<string> } {
  const shape = bases(route, w);
  const query = shape.query && tweak(shape.query).map((o) => queryText(o as Record<string, J>));
  switch (routeKey(route)) {
    case 'POST /api/v1/sync/push': {
      // Each level (record, mutation, body) may be made malicious, with any op and base version.
      const anyRecord = fc
        .constantFrom(...TABLES)
        .chain((t) => tweak(sampleRecord(t, w)).map((r) => [t, r] as const));
      return {
        body: fc
          .tuple(anyRecord, fc.constantFrom('upsert', 'delete'), fc.constantFrom<J>(null, 1))
          .chain(([[table, rec], op, baseVersion]) =>
            tweak({
              mutationId: NEXT_MUTATION,
              table,
              op,
              id: (rec as Record<string, J>).id ?? newId(),
              baseVersion,
              record: rec,
            }).chain((m) => tweak({ deviceId: DEVICE, schemaVersion: 1, mutations: [m] })),
          ),
      };
    }
    case 'PATCH /api/v1/records/:table/:id':
      return {
        body: fc.oneof(
          fc
            .tuple(
              fc.constantFrom('note', 'outcome', 'topics', 'channel', 'orgId', 'version', 'id'),
              evilValue,
            )
            .chain(([k, v]) =>
              tweak({ reviewState: 'has_issues', reviewComment: '<script>x</script>', changes: { [k]: v } }),
            ),
          fc.constantFrom(...shape.bodies!).chain(tweak),
        ),
      };
    default: {
      const n = shape.bodies?.length ?? 0;
      // bases() again per sample, so each request carries fresh ids.
      const body =
        n > 0
          ? fc.integer({ min: 0, max: n - 1 }).chain((i) => tweak(bases(route, w).bodies![i]!))
          : undefined;
      return { ...(body && { body }), ...(query && { query }) };
    }
  }
}

function requestArb(route: Route, w: World): fc.Arbitrary<Req> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const params = fc
    .tuple(...names.map((n) => paramValue(n, w)))
    .map((vals) => Object.fromEntries(names.map((n, i) => [n, vals[i]!])));
  const shaped = structured(route, w);
  const body: fc.Arbitrary<Body> = shaped.body
    ? fc.oneof(
        { weight: 3, arbitrary: shaped.body.map<Body>((value) => ({ kind: 'json', value })) },
        { weight: 1, arbitrary: genericBody },
      )
    : genericBody;
  const query = shaped.query
    ? fc.oneof({ weight: 3, arbitrary: shaped.query }, { weight: 1, arbitrary: queryString })
    : queryString;
  return fc.record({
    token: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<TokenName>('coordinator', 'admin') },
      { weight: 2, arbitrary: fc.constantFrom<TokenName>(...TOKENS) },
    ),
    params,
    query,
    headers: headerArb,
    body:
      route.method === 'GET' || route.method === 'HEAD'
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constant<Body>({ kind: 'none' }) },
            { weight: 1, arbitrary: genericBody },
          )
        : body,
  });
}

describe.each(testDatabases())('fuzzing every route on $name', ({ url }) => {
  let s: TestServer;
  let world: World;
  let tables: string[];
  const sessions = new Map<TokenName, { token: string; deviceId: string; orgId: string; userId: string }>();
  const routes: Route[] = [];
  const stats = { requests: 0, byStatus: new Map<number, number>() };

  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
    for (const [name, session] of [
      ['volunteer', s.volunteer],
      ['coordinator', s.coordinator],
      ['admin', s.admin],
      ['other', s.otherOrg.coordinator],
    ] as const) {
      sessions.set(name, {
        token: session.token,
        deviceId: session.deviceId,
        orgId: session.user.orgId,
        userId: session.user.id,
      });
    }
    // This organisation's records, and one of the other organisation's, for ids to point at.
    const item = equipment();
    const help = helpRequest({ note: 'seed' });
    const lent = loan(item.id as string);
    await push(s.app, s.coordinator, [
      { mutationId: 1, table: 'equipment', record: item },
      { mutationId: 2, table: 'help_requests', record: help },
      { mutationId: 3, table: 'loans', record: lent },
    ]);
    const otherHelp = helpRequest();
    await push(s.app, s.otherOrg.coordinator, [{ mutationId: 1, table: 'help_requests', record: otherHelp }]);
    world = {
      helpId: help.id as string,
      equipmentId: item.id as string,
      loanId: lent.id as string,
      otherHelpId: otherHelp.id as string,
      borrowerCode: 'B-0042',
      personId: (
        await insertUser(s.db, {
          orgId: s.orgId,
          email: `fuzz-person-${newId()}@example.org`,
          name: 'Fuzz person',
          role: 'volunteer',
          passwordHash: null,
        })
      ).id,
    };
    // Failed sign-ins are counted and recorded by design: those two tables grow on a 4xx.
    const bookkeeping = new Set(['auth_attempts', 'security_events']);
    tables = (await tableNames(s.db)).filter((t) => !bookkeeping.has(t));
    // Writes first, so that the reads (pull, lists, exports, reports) meet what the fuzz stored.
    const reads = (r: Route) => (r.method === 'GET' || r.method === 'HEAD' ? 1 : 0);
    routes.push(...listRoutes(s.app).sort((a, b) => reads(a) - reads(b)));
  });
  afterAll(async () => {
    const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([k, n]) => `${k}:${n}`);
    console.log(
      `fuzz on ${url.split(':')[0]}: ${stats.requests} requests over ${routes.length} routes; ${statuses.join(' ')}`,
    );
    await s.close();
  });

  it('finds every route of the app, the coordinator routes included', () => {
    const keys = routes.map(routeKey);
    for (const k of [
      'POST /api/v1/sync/push',
      'PATCH /api/v1/records/:table/:id',
      'GET /api/v1/export/:file',
    ])
      expect(keys).toContain(k);
  });

  /** Gives a new device to any seeded session whose token a fuzzed logout or revoke ended. */
  async function reviveSessions(): Promise<void> {
    for (const [name, sess] of sessions) {
      const me = await s.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${sess.token}` },
      });
      if (me.statusCode === 200) continue;
      // Straight into the table: sign-in itself is rate limited, and the fuzz floods it.
      const again = await insertDevice(s.db, { orgId: sess.orgId, userId: sess.userId, label: 'fuzz' });
      sessions.set(name, { ...sess, ...again });
    }
  }

  async function nextMutation(deviceId: string): Promise<number> {
    const row = await s.db
      .selectFrom('devices')
      .select('last_mutation_id')
      .where('id', '=', deviceId)
      .executeTakeFirst();
    return Number(row?.last_mutation_id ?? 0) + 1;
  }

  /** Sends one request and checks the answer; returns whether it was a 2xx/3xx. */
  async function sendAndCheck(route: Route, req: Req): Promise<boolean> {
    const sess = sessions.get(req.token);
    const token = req.token === 'garbage' ? 'A'.repeat(43) : sess?.token;
    const path = route.url.replace(/:([A-Za-z]+)/g, (_, n: string) => encodePath(req.params[n]!));
    const headers: Record<string, string> = { ...req.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (req.body.kind === 'json') {
      const ctx = {
        device: sess?.deviceId ?? 'none',
        next: sess ? await nextMutation(sess.deviceId) : 1,
      };
      payload = toJson(req.body.value!, ctx);
      headers['content-type'] = 'application/json';
    } else if (req.body.kind === 'raw') {
      payload = req.body.text!;
      headers['content-type'] = req.body.contentType!;
    }
    const res = await s.app.inject({
      method: route.method,
      url: path + (req.query ? `?${req.query}` : ''),
      headers,
      ...(payload !== undefined && { payload }),
    });
    stats.requests++;
    stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
    const what = `${route.method} ${path.slice(0, 200)}${req.query ? `?${req.query.slice(0, 200)}` : ''} ${
      payload?.slice(0, 300) ?? ''
    } -> ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, what).toBeLessThan(500);
    expect(res.body, what).not.toMatch(INTERNALS);
    if (res.statusCode >= 400 && route.method !== 'HEAD') expectApiError(res);
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    if (res.statusCode >= 400) {
      expect(await rowCounts(s.db, tables), what).toEqual(counts);
      return false;
    }
    if (/logout|devices/.test(route.url)) await reviveSessions();
    counts = await rowCounts(s.db, tables);
    return true;
  }

  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
  let counts: Record<string, number> = {};

  it('answers every malicious request without a 5xx, a leak, pollution or a stored row on 4xx', async () => {
    counts = await rowCounts(s.db, tables);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(requestArb(route, world), async (req) => {
          await sendAndCheck(route, req);
        }),
        { numRuns: RUNS },
      );
      // A lone surrogate kept in a JSON column breaks PostgreSQL's jsonb casts on a later read.
      expect(await findMalformedStored(s.db, tables), `stored by ${routeKey(route)}`).toEqual([]);
    }
  }, 600_000);

  it('refuses malformed Unicode and impossible dates in every string, date and path parameter', async () => {
    // Not left to chance: each string of each route's valid input in turn, every variant. Every
    // failure is collected (not only the first), so one run shows all that is wrong.
    counts = await rowCounts(s.db, tables);
    const failures: string[] = [];
    const reported = new Set<string>();
    const noHeaders = {};
    const valid = (route: Route): Record<string, string> => {
      const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
      const pick: Record<string, string> = {
        table: 'help_requests',
        id: world.helpId,
        file: 'help_requests.csv',
        code: world.borrowerCode,
      };
      return Object.fromEntries(names.map((n) => [n, pick[n] ?? world.helpId]));
    };
    for (const route of routes) {
      const params = valid(route);
      const shape = bases(route, world);
      const send = async (over: Partial<Req>) => {
        const base: Req = {
          token: 'coordinator',
          params,
          query: shape.query ? queryText(shape.query) : '',
          headers: noHeaders,
          body: { kind: 'none' },
        };
        try {
          if (!(await sendAndCheck(route, { ...base, ...over }))) return;
        } catch (e) {
          failures.push((e as Error).message.split('\n')[0]!.slice(0, 700));
          counts = await rowCounts(s.db, tables);
          return;
        }
        for (const bad of await findMalformedStored(s.db, tables)) {
          if (reported.has(bad)) continue;
          reported.add(bad);
          failures.push(`stored by ${routeKey(route)}: ${bad}`.slice(0, 700));
        }
      };
      // The valid request first: a read that fails on what an earlier write stored shows here.
      await send({});
      for (const name of Object.keys(params)) {
        for (const v of [...malformedVariants(params[name]!), ...MALFORMED_PERCENT.map((p) => RAW_URL + p)])
          await send({ params: { ...params, [name]: v } });
      }
      for (const key of Object.keys(shape.query ?? {})) {
        const original = String(shape.query![key]);
        for (const v of malformedVariants(original))
          await send({ query: queryText({ ...shape.query!, [key]: v }) });
        for (const p of MALFORMED_PERCENT)
          await send({
            query: `${queryText({ ...shape.query!, [key]: '' })}`.replace(`${key}=`, `${key}=${p}`),
          });
      }
      const bodies = shape.bodies ?? [];
      for (let i = 0; i < bodies.length; i++) {
        for (const path of stringLeaves(bodies[i] as Plain)) {
          const original = leafAt(bodies[i]!, path);
          if (isMarker(original)) continue;
          for (const v of malformedVariants(original as string)) {
            // Fresh ids each time: a create that was refused must be refused for its own reason.
            const body = replaceAt(bases(route, world).bodies![i] as Plain, path, v) as J;
            await send({ body: { kind: 'json', value: body } });
          }
        }
      }
    }
    // Answers first (a 5xx says most), then what was stored.
    const shown = [...failures].sort(
      (a, b) => Number(a.startsWith('stored')) - Number(b.startsWith('stored')),
    );
    expect(failures, `${failures.length} failures:\n${shown.slice(0, 40).join('\n')}`).toEqual([]);
  }, 600_000);
});
