// GET /export/:table.csv on SQLite and PostgreSQL: the exact bytes a Belgian Excel needs (BOM,
// `;`, CRLF, RFC 4180 quoting of `;`, quotes and line breaks, accents intact), roles, isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, helpRequest, push } from '../fixtures';
import { startCoordinatorServer } from './server';

describe.each(testDatabases())('CSV export on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  const tricky = helpRequest({
    occurredAt: '2026-11-10T10:00:00Z',
    topics: ['itsme', 'e_banking'],
    note: 'Café; "itsme" kapot\r\nopnieuw — élève à Liège, ça va',
  });
  const plain = helpRequest({ occurredAt: '2026-11-11T10:00:00Z', note: 'Zoë wou hulp' });
  const outside = helpRequest({ occurredAt: '2026-12-11T10:00:00Z' });

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    await push(
      s.app,
      s.volunteer,
      [tricky, plain, outside].map((record) => ({
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record,
      })),
    );
  });
  afterAll(() => s.close());

  it('writes UTF-8 with BOM, `;`, CRLF and RFC 4180 quoting', async () => {
    const res = await api(
      s.app,
      s.coordinator.token,
      'GET',
      '/export/help_requests.csv?from=2026-11-01&to=2026-11-30',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="help_requests_2026-11-01_2026-11-30.csv"',
    );
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(
      text.startsWith(
        '\uFEFFid;version;receivedAt;createdBy;reviewState;reviewComment;createdAt;updatedAt;occurredAt;channel;',
      ),
    ).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const header = lines[0]!.split(';');
    expect(header).toContain('note');
    // The tricky note spans two physical lines because it holds a line break.
    const row = `${lines[1]}\r\n${lines[2]}`;
    expect(row.startsWith(`${tricky.id};1;`)).toBe(true);
    expect(row).toContain(';itsme, e_banking;');
    expect(row).toContain(';"Café; ""itsme"" kapot\r\nopnieuw — élève à Liège, ça va";');
    expect(lines[3]!.startsWith(`${plain.id};1;`)).toBe(true);
    expect(lines[3]).toContain(';Zoë wou hulp;');
    expect(lines).toHaveLength(5);
    expect(text).not.toContain(outside.id as string);
    expect(Buffer.from('é', 'utf8').length).toBe(2);
    expect(bytes.includes(Buffer.from('élève à Liège', 'utf8'))).toBe(true);
  });

  it('refuses volunteers, unknown tables and bad periods; shows nothing of another organisation', async () => {
    expect((await api(s.app, s.volunteer.token, 'GET', '/export/help_requests.csv')).statusCode).toBe(403);
    expect((await api(s.app, s.coordinator.token, 'GET', '/export/nope.csv')).statusCode).toBe(404);
    expect((await api(s.app, s.coordinator.token, 'GET', '/export/help_requests.xlsx')).statusCode).toBe(400);
    const bad = await api(s.app, s.coordinator.token, 'GET', '/export/help_requests.csv?from=11/01/2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toEqual(['from']);
    const other = await api(s.app, s.otherOrg.coordinator.token, 'GET', '/export/help_requests.csv');
    expect(other.statusCode).toBe(200);
    expect(other.body.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
