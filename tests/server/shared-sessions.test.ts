// Shared sessions (issue 14): a second volunteer's phone sees the open session of another,
// counts in it through its own member record, can end it for everyone, and the coordinator
// sees the summed totals and who took part. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/api';
import { newId } from '../../src/shared/ids';
import type { Change, PullResponse } from '../../src/shared/sync-protocol';
import { hashPassword } from '../../src/server/auth/secrets';
import { findRecord } from '../../src/server/db/records.repository';
import { insertUser } from '../../src/server/db/users.repository';
import { api, login, startTestServer, testDatabases, TEST_PASSWORD, type TestServer } from './helpers';
import { counter, push } from './fixtures';

describe.each(testDatabases())('shared sessions on $name', ({ url }) => {
  let s: TestServer;
  let opener: Session;
  let joiner: Session;
  const next = counter();
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
    opener = s.volunteer;
    const email = `joiner-${newId()}@example.org`;
    await insertUser(s.db, {
      orgId: s.orgId,
      email,
      name: 'Jo',
      role: 'volunteer',
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    joiner = await login(s.app, email);
  });
  afterAll(() => s.close());

  async function pullAll(who: Session): Promise<Change[]> {
    const changes: Change[] = [];
    let cursor = '';
    for (;;) {
      const res = await api(s.app, who.token, 'GET', `/sync/pull?cursor=${cursor}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<PullResponse>();
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return changes;
    }
  }

  const latest = (changes: Change[], id: string) => changes.filter((c) => c.id === id).at(-1);

  function permanence(over: Record<string, unknown> = {}) {
    return {
      id: newId(),
      locationId: null,
      kind: 'door_to_door',
      startedAt: new Date().toISOString(),
      endedAt: null,
      visitorCount: 2,
      turnedAwayCount: 0,
      doorCount: 10,
      notHomeCount: 4,
      conversationCount: 6,
      notes: 'Mrs Janssens at number 12 needs a call back',
      ...over,
    };
  }

  function member(permanenceId: string, over: Record<string, unknown> = {}) {
    return {
      id: newId(),
      permanenceId,
      joinedAt: new Date().toISOString(),
      visitorCount: 3,
      turnedAwayCount: 1,
      doorCount: 7,
      notHomeCount: 2,
      conversationCount: 5,
      ...over,
    };
  }

  const detail = async (id: string) => {
    const res = await api(s.app, s.coordinator.token, 'GET', `/records/permanences/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it("reaches another volunteer's phone without its free text, and the joiner counts in its own record", async () => {
    const p = permanence();
    await push(s.app, opener, [{ mutationId: next(opener), table: 'permanences', record: p }]);
    const seen = latest(await pullAll(joiner), p.id);
    expect(seen?.record).toMatchObject({ id: p.id, kind: 'door_to_door', doorCount: 10, endedAt: null });
    expect(seen?.record).not.toHaveProperty('notes');

    // The joiner may not count in the opener's record...
    const refused = await push(s.app, joiner, [
      { mutationId: next(joiner), table: 'permanences', record: { ...p, visitorCount: 9 } },
    ]);
    expect(refused.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden_record' } });
    // ...but in its own member record, updated as often as it likes.
    const mine = member(p.id);
    await push(s.app, joiner, [
      { mutationId: next(joiner), table: 'session_members', record: { ...mine, visitorCount: 1 } },
    ]);
    const res = await push(s.app, joiner, [
      { mutationId: next(joiner), table: 'session_members', record: mine, baseVersion: 1 },
    ]);
    expect(res.results[0]).toMatchObject({ status: 'applied', version: 2 });

    // Nobody else writes it.
    const other = await push(s.app, opener, [
      { mutationId: next(opener), table: 'session_members', record: { ...mine, visitorCount: 0 } },
    ]);
    expect(other.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden_record' } });

    // The opener's phone gets the member's counts, to show the totals.
    expect(latest(await pullAll(opener), mine.id)?.record).toMatchObject({ visitorCount: 3, doorCount: 7 });

    const d = await detail(p.id);
    expect(d.session.totals).toEqual({
      visitorCount: 5,
      turnedAwayCount: 1,
      doorCount: 17,
      notHomeCount: 6,
      conversationCount: 11,
    });
    expect(d.session.members).toEqual([
      expect.objectContaining({ userId: joiner.user.id, visitorCount: 3, endedAt: null }),
    ]);
    expect(d.names.users[joiner.user.id]).toBe('Jo');
  });

  it('is ended by any member, and a later write of the opener does not open it again', async () => {
    const p = permanence();
    await push(s.app, opener, [{ mutationId: next(opener), table: 'permanences', record: p }]);
    const mine = member(p.id);
    await push(s.app, joiner, [{ mutationId: next(joiner), table: 'session_members', record: mine }]);
    const endedAt = new Date().toISOString();
    await push(s.app, joiner, [
      { mutationId: next(joiner), table: 'session_members', record: { ...mine, endedAt }, baseVersion: 1 },
    ]);
    const row = await findRecord(s.db, 'permanences', s.orgId, p.id);
    expect(JSON.parse(row!.data).endedAt).toBe(endedAt);
    expect(latest(await pullAll(opener), p.id)?.record).toMatchObject({ endedAt });

    // The opener's phone counted one more before it heard of the end.
    const tap = await push(s.app, opener, [
      { mutationId: next(opener), table: 'permanences', record: { ...p, visitorCount: 3 }, baseVersion: 1 },
    ]);
    expect(tap.results[0]!.status).toBe('applied');
    const after = JSON.parse((await findRecord(s.db, 'permanences', s.orgId, p.id))!.data);
    expect(after).toMatchObject({ endedAt, visitorCount: 3 });
    expect((await detail(p.id)).merges).toEqual([]);
  });

  it('ends a session whose permanence arrives after the member that ended it', async () => {
    const p = permanence();
    const endedAt = new Date().toISOString();
    await push(s.app, joiner, [
      { mutationId: next(joiner), table: 'session_members', record: member(p.id, { endedAt }) },
    ]);
    await push(s.app, opener, [{ mutationId: next(opener), table: 'permanences', record: p }]);
    const row = await findRecord(s.db, 'permanences', s.orgId, p.id);
    expect(JSON.parse(row!.data).endedAt).toBe(endedAt);
  });

  it("keeps other people's sessions older than two days off a volunteer's phone", async () => {
    const old = permanence({ startedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    await push(s.app, opener, [{ mutationId: next(opener), table: 'permanences', record: old }]);
    expect(latest(await pullAll(joiner), old.id)).toBeUndefined();
    expect(latest(await pullAll(opener), old.id)).toBeDefined();
  });
});
