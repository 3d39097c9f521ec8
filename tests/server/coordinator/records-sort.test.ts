// The review inbox's server order and filters on SQLite and PostgreSQL: each `sort` orders every
// record, the keyset cursor walks that order to its end one row at a time (nothing drops off or
// shows twice), and `followUp` filters help requests; both are refused on tables without them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, helpRequest, push } from '../fixtures';
import { startCoordinatorServer } from './server';

describe.each(testDatabases())('inbox order and filters on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  const recs = [
    helpRequest({ occurredAt: '2026-11-16T09:00:00Z', outcome: 'solved', followUpNeeded: true }),
    helpRequest({ occurredAt: '2026-11-17T09:00:00Z', outcome: 'referred' }),
    helpRequest({ occurredAt: '2026-11-18T09:00:00Z', outcome: 'not_solved', followUpNeeded: false }),
    helpRequest({ occurredAt: '2026-11-19T09:00:00Z', outcome: 'partly', followUpNeeded: true }),
  ];
  const ids = recs.map((r) => r.id as string);

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    await push(
      s.app,
      s.volunteer,
      recs.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests', record })),
    );
  });
  afterAll(() => s.close());

  /** Every id of `query`'s order, read one record per page. */
  async function walk(query: string): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await api(s.app, s.coordinator.token, 'GET', `/records/help_requests?${qs}`);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ records: Array<{ id: string }>; cursor: string | null }>();
      out.push(...body.records.map((r) => r.id));
      cursor = body.cursor;
    } while (cursor);
    return out;
  }

  it('sorts by outcome and by time both ways, page by page', async () => {
    // not_solved < partly < referred < solved
    expect(await walk('sort=outcome')).toEqual([ids[2], ids[3], ids[1], ids[0]]);
    expect(await walk('sort=outcome&dir=desc')).toEqual([ids[0], ids[1], ids[3], ids[2]]);
    expect(await walk('sort=when')).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(await walk('sort=when&dir=asc')).toEqual(ids);
    // One volunteer, no places: ties go by time.
    expect(await walk('sort=volunteer')).toEqual(ids);
    expect(await walk('sort=where&dir=desc')).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(await walk('sort=state')).toEqual(ids);
  });

  it('filters on follow-up needed', async () => {
    expect(await walk('followUp=true')).toEqual([ids[3], ids[0]]);
    expect(await walk('followUp=false')).toEqual([ids[2], ids[1]]);
  });

  it('refuses follow-up and outcome order on permanences, and a cursor of another order', async () => {
    for (const q of ['followUp=true', 'sort=outcome']) {
      const res = await api(s.app, s.coordinator.token, 'GET', `/records/permanences?${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_filter');
    }
    const first = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?sort=when&limit=1');
    const cursor = first.json<{ cursor: string }>().cursor;
    const wrong = await api(
      s.app,
      s.coordinator.token,
      'GET',
      `/records/help_requests?sort=outcome&cursor=${cursor}`,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('invalid_cursor');
  });
});
