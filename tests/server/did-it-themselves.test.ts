// "Did the person do it themselves?" is a choice now (yes, together, helper, not asked): phones
// that still send the old boolean are mapped on arrival, and the migration maps help requests
// stored before, on SQLite and PostgreSQL. Reports and exports see only choices.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../src/server/db/migrations/20261201T1653_did_it_themselves_choice';
import { counter, helpRequest, push } from './fixtures';
import { api, startTestServer, testDatabases, type TestServer } from './helpers';

describe.each(testDatabases())('did it themselves on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(async () => s?.close());

  const stored = async (id: string) => {
    const row = await s.db
      .selectFrom('help_requests')
      .select('data')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return (JSON.parse(row.data) as { didItThemselves?: unknown }).didItThemselves;
  };

  it('stores the choice, and the boolean of an older phone as the choice it meant', async () => {
    const records = [
      helpRequest({ didItThemselves: 'together' }),
      helpRequest({ didItThemselves: true }),
      helpRequest({ didItThemselves: false }),
      helpRequest({ didItThemselves: 'not_asked' }),
      helpRequest({ didItThemselves: null }),
    ];
    const res = await push(
      s.app,
      s.volunteer,
      records.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests', record })),
    );
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(await Promise.all(records.map((r) => stored(r.id as string)))).toEqual([
      'together',
      'yes',
      'helper',
      'not_asked',
      null,
    ]);
    const bad = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record: helpRequest({ didItThemselves: 'maybe' }),
      },
    ]);
    expect(bad.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_record' } });
  });

  it('maps the booleans stored before the choice, and nothing else', async () => {
    const records = [
      helpRequest(),
      helpRequest(),
      helpRequest({ didItThemselves: 'together' }),
      helpRequest(),
    ];
    await push(
      s.app,
      s.volunteer,
      records.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests', record })),
    );
    // As the server stored them before this version.
    const old = [true, false];
    for (const [i, value] of old.entries()) {
      const data = JSON.stringify({ ...records[i], didItThemselves: value });
      await sql`update help_requests set data = ${data} where id = ${records[i]!.id as string}`.execute(s.db);
    }
    await up(s.db as never);
    expect(await Promise.all(records.map((r) => stored(r.id as string)))).toEqual([
      'yes',
      'helper',
      'together',
      undefined,
    ]);
    const read = await api(
      s.app,
      s.coordinator.token,
      'GET',
      `/records/help_requests/${records[0]!.id as string}`,
    );
    expect(read.json().record.didItThemselves).toBe('yes');
  });
});
