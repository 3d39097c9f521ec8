// Review feedback to the volunteer (issue 10, item 4), on SQLite and PostgreSQL: the pull gives a
// volunteer the review state and the coordinator's comment of their own records and of nobody
// else's, and a record its volunteer corrects after "has issues" is new again for the inbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/api';
import type { Change, PullResponse } from '../../src/shared/sync-protocol';
import { hashPassword } from '../../src/server/auth/secrets';
import { insertUser } from '../../src/server/db/users.repository';
import { api, login, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';
import { counter, equipment, helpRequest, loan, push } from './fixtures';
import { startCoordinatorServer } from './coordinator/server';

describe.each(testDatabases())('review feedback on $name', ({ url }) => {
  let s: TestServer;
  let other: Session;
  const next = counter();

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    const address = `second-${crypto.randomUUID()}@example.org`;
    await insertUser(s.db, {
      orgId: s.orgId,
      email: address,
      name: 'Wim',
      role: 'volunteer',
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    other = await login(s.app, address);
  });
  afterAll(() => s.close());

  async function pullAll(who: Session): Promise<Map<string, Change>> {
    const out = new Map<string, Change>();
    let cursor = '';
    for (;;) {
      const res = await api(s.app, who.token, 'GET', `/sync/pull?cursor=${cursor}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<PullResponse>();
      for (const c of page.changes) out.set(c.id, c);
      cursor = page.cursor;
      if (!page.hasMore) return out;
    }
  }

  const mark = (table: string, id: string, reviewComment: string) =>
    api(s.app, s.coordinator.token, 'PATCH', `/records/${table}/${id}`, {
      reviewState: 'has_issues',
      reviewComment,
    });

  it("gives a volunteer the review state and comment of their own records only, never of another's", async () => {
    const eq = equipment();
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: eq }]);
    const help = helpRequest({ topics: ['email'] });
    const lent = loan(eq.id as string);
    await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'help_requests', record: help },
      { mutationId: next(s.volunteer), table: 'loans', record: lent },
    ]);
    expect((await mark('help_requests', help.id as string, 'Was this e-banking?')).statusCode).toBe(200);
    expect((await mark('loans', lent.id as string, 'Borrower code looks wrong')).statusCode).toBe(200);
    expect((await mark('equipment', eq.id as string, 'Charger missing at intake')).statusCode).toBe(200);

    const mine = await pullAll(s.volunteer);
    expect(mine.get(help.id as string)?.record).toMatchObject({
      reviewState: 'has_issues',
      reviewComment: 'Was this e-banking?',
    });
    expect(mine.get(lent.id as string)?.record).toMatchObject({
      reviewState: 'has_issues',
      reviewComment: 'Borrower code looks wrong',
    });
    // Equipment is the coordinator's: the volunteer gets the item, not its review.
    const item = mine.get(eq.id as string)?.record;
    expect(item).toMatchObject({ assetTag: eq.assetTag });
    expect(item).not.toHaveProperty('reviewState');
    expect(item).not.toHaveProperty('reviewComment');

    // Another volunteer sees the open loan (to take it back) but not what the coordinator said.
    const theirs = await pullAll(other);
    expect(theirs.has(help.id as string)).toBe(false);
    const seen = theirs.get(lent.id as string)?.record;
    expect(seen).toMatchObject({ borrowerCode: 'B-0042', status: 'active' });
    expect(seen).not.toHaveProperty('reviewState');
    expect(seen).not.toHaveProperty('reviewComment');
    for (const c of theirs.values())
      expect(JSON.stringify(c.record)).not.toMatch(/looks wrong|intake|e-banking\?/);

    // The coordinator's own pull keeps everything.
    const coord = await pullAll(s.coordinator);
    expect(coord.get(eq.id as string)?.record).toMatchObject({ reviewComment: 'Charger missing at intake' });
    expect(coord.get(lent.id as string)?.record).toMatchObject({ reviewState: 'has_issues' });
  });

  it('puts a record with issues that its volunteer corrects back to new; a save that changes nothing keeps it', async () => {
    const help = helpRequest({ topics: ['email'], outcome: 'partly' });
    const id = help.id as string;
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'help_requests', record: help }]);
    expect((await mark('help_requests', id, 'Solved or not?')).statusCode).toBe(200);
    const version = async () => (await pullAll(s.volunteer)).get(id)!.version;

    const same = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record: { ...help, updatedAt: new Date().toISOString() },
        baseVersion: await version(),
      },
    ]);
    expect(same.results[0]!.status).toBe('applied');
    expect((await pullAll(s.volunteer)).get(id)?.record).toMatchObject({ reviewState: 'has_issues' });

    const fixed = await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record: { ...help, outcome: 'solved' },
        baseVersion: await version(),
      },
    ]);
    expect(fixed.results[0]!.status).toBe('applied');
    const pulled = (await pullAll(s.volunteer)).get(id)?.record;
    expect(pulled).toMatchObject({ outcome: 'solved', reviewState: 'new', reviewComment: 'Solved or not?' });
    const inbox = async (state: string) =>
      (await api(s.app, s.coordinator.token, 'GET', `/records/help_requests?reviewState=${state}`))
        .json()
        .records.map((r: { id: string }) => r.id);
    expect(await inbox('new')).toContain(id);
    expect(await inbox('has_issues')).not.toContain(id);
  });

  it('does the same for a permanence corrected on the phone', async () => {
    const perm = {
      id: crypto.randomUUID(),
      locationId: null,
      kind: 'permanence',
      startedAt: new Date().toISOString(),
      visitorCount: 3,
      turnedAwayCount: 0,
    };
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'permanences', record: perm }]);
    expect((await mark('permanences', perm.id, 'Three visitors in four hours?')).statusCode).toBe(200);
    const before = (await pullAll(s.volunteer)).get(perm.id)!;
    expect(before.record).toMatchObject({ reviewState: 'has_issues' });
    await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'permanences',
        record: { ...perm, visitorCount: 13 },
        baseVersion: before.version,
      },
    ]);
    expect((await pullAll(s.volunteer)).get(perm.id)?.record).toMatchObject({
      visitorCount: 13,
      reviewState: 'new',
    });
  });
});
