// The API reference (GET /api/v1/openapi.json) is a valid OpenAPI 3.1 document, checked by a
// well-kept validator, and describes exactly the routes the app has (read from the app itself,
// like the access and fuzz tests): a route added without its `*.doc.ts` entry fails here, and so
// does a description left behind for a route that is gone.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeDocs } from '../../src/server/openapi/document';
import { counter, equipment, helpRequest, loan, push } from './fixtures';
import { api, startTestServer, testDatabases, type TestServer } from './helpers';
import { listRoutes, routeKey } from './routes';

interface Operation {
  summary?: string;
  tags?: string[];
  description?: string;
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, unknown>;
  security?: unknown[];
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

const PREFIX = '/api/v1';

/** Sample queries of GET routes that need one (add yours when its answer here is a 400). */
const QUERIES: Record<string, string> = {
  'GET /reports/summary': '?from=2020-01-01&to=2030-12-31',
};

describe.each(testDatabases())('the API reference on $name', ({ url }) => {
  let s: TestServer;
  let doc: Doc;

  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
    const res = await s.app.inject({ method: 'GET', url: `${PREFIX}/openapi.json` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json<Doc>();
  });
  afterAll(async () => s?.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route the app has under /api/v1, and no other', () => {
    const inApp = new Set(
      listRoutes(s.app)
        .filter((r) => r.url.startsWith(`${PREFIX}/`))
        // Fastify answers HEAD for every GET route; the reference describes the GET.
        .map((r) => routeKey({ ...r, method: r.method === 'HEAD' ? 'GET' : r.method }))
        .map((k) => k.replace(PREFIX, '').replace(/:([A-Za-z0-9_]+)/g, '{$1}')),
    );
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect([...inApp].filter((k) => !described.has(k)).sort(), 'routes without a description').toEqual([]);
    expect([...described].filter((k) => !inApp.has(k)).sort(), 'descriptions without a route').toEqual([]);
    expect(described.size).toBe(Object.keys(routeDocs()).length);
  });

  it('gives every operation a summary, a tag, its path parameters, a success and its errors', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(ops)) {
        const what = `${method.toUpperCase()} ${path}`;
        expect(op.summary, what).toBeTruthy();
        expect(op.tags?.length, what).toBe(1);
        const inPath = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(inPath.sort(), what).toEqual(pathParams);
        const statuses = Object.keys(op.responses);
        expect(
          statuses.some((c) => c.startsWith('2')),
          what,
        ).toBe(true);
        if (op.security?.length) expect(statuses, what).toContain('401');
      }
    }
  });

  it('describes what the read routes really answer', async () => {
    const next = counter();
    const item = equipment();
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: item }]);
    await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'help_requests', record: helpRequest() },
      { mutationId: next(s.volunteer), table: 'loans', record: loan(item.id as string) },
    ]);
    const docs = routeDocs();
    const reads = Object.entries(docs).filter(([key]) => key.startsWith('GET ') && !key.includes(':'));
    expect(reads.length).toBeGreaterThan(5);
    for (const [key, doc] of reads) {
      const res = await api(s.app, s.coordinator.token, 'GET', key.slice(4) + (QUERIES[key] ?? ''));
      const ok = Object.keys(doc.responses).map(Number);
      expect(ok, `${key} answered ${res.statusCode}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      const schema = doc.responses[res.statusCode]!.body;
      if (!schema || !String(res.headers['content-type']).startsWith('application/json')) continue;
      const parsed = schema.safeParse(res.json());
      expect(parsed.error?.issues ?? [], `${key} answers what its description says`).toEqual([]);
    }
    // Records with their path parameters: the detail of a record and a table's page.
    const page = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests');
    expect(docs['GET /records/:table']!.responses[200]!.body!.safeParse(page.json()).success).toBe(true);
    const id = page.json().records[0].id as string;
    const detail = await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${id}`);
    const parsed = docs['GET /records/:table/:id']!.responses[200]!.body!.safeParse(detail.json());
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('answers the health probe without a token, also to HEAD', async () => {
    const head = await s.app.inject({ method: 'HEAD', url: `${PREFIX}/health` });
    expect(head.statusCode).toBe(204);
    const get = await s.app.inject({ method: 'GET', url: `${PREFIX}/health` });
    expect(get.statusCode).toBe(204);
    expect(get.body).toBe('');
  });
});
