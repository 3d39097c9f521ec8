// Pull: order and completeness under concurrent writers, visibility per role, cursor errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/api';
import type { Change, PullResponse } from '../../src/shared/sync-protocol';
import { encodeCursor } from '../../src/server/sync/cursor';
import { api, login, startTestServer, testDatabases, type TestServer } from './helpers';
import { counter, equipment, helpRequest, loan, push, type Mut } from './fixtures';

describe.each(testDatabases())('pull on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  async function pullAll(
    who: Session,
    limit = 7,
    cursor = '',
  ): Promise<{ changes: Change[]; cursor: string }> {
    const changes: Change[] = [];
    for (;;) {
      const res = await api(s.app, who.token, 'GET', `/sync/pull?limit=${limit}&cursor=${cursor}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<PullResponse>();
      expect(page.changes.length).toBeLessThanOrEqual(limit);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { changes, cursor };
    }
  }

  it('returns every latest version, in seq order, after concurrent pushes from several devices', async () => {
    const devices = await Promise.all([1, 2, 3].map(() => login(s.app, s.coordinator.user.email)));
    const shared = helpRequest();
    const latest = new Map<string, number>();
    const pushes = devices.map(async (d) => {
      // Each device sends 4 batches over real HTTP, all devices at the same time.
      const mine = [helpRequest(), helpRequest(), helpRequest()];
      for (let batch = 0; batch < 4; batch++) {
        const muts: Mut[] = mine.map((r) => ({
          mutationId: next(d),
          table: 'help_requests' as const,
          record: { ...r, note: `b${batch}` },
        }));
        muts.push({
          mutationId: next(d),
          table: 'help_requests',
          record: { ...shared, note: `${d.deviceId} ${batch}` },
        });
        const res = await fetch(`${s.url}/api/v1/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            deviceId: d.deviceId,
            schemaVersion: 1,
            mutations: muts.map((m) => ({
              ...m,
              op: 'upsert',
              id: m.record!.id as string,
              baseVersion: null,
            })),
          }),
        });
        expect(res.status).toBe(200);
      }
      for (const r of mine) latest.set(r.id as string, 4);
    });
    await Promise.all(pushes);
    latest.set(shared.id as string, 12);

    const { changes } = await pullAll(s.coordinator);
    const seen = new Map<string, number>();
    for (const c of changes) seen.set(c.id, Math.max(seen.get(c.id) ?? 0, c.version));
    for (const [id, version] of latest) expect(seen.get(id), id).toBe(version);
    const rows = await s.db
      .selectFrom('help_requests')
      .select(['id', 'seq'])
      .where('org_id', '=', s.orgId)
      .execute();
    const seqOf = new Map(rows.map((r) => [r.id, r.seq]));
    const seqs = changes.filter((c) => c.table === 'help_requests').map((c) => seqOf.get(c.id)!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const last = changes.find((c) => c.id === shared.id)!;
    expect(last.record).toMatchObject({ version: 12, orgId: s.orgId, reviewState: 'new', deleted: false });
    expect(last.record!.receivedAt).toEqual(expect.any(String));
  });

  it('never skips a change committed while a reader follows the cursor', async () => {
    const writers = await Promise.all([1, 2, 3].map(() => login(s.app, s.coordinator.user.email)));
    const written = new Set<string>();
    let done = false;
    const writing = Promise.all(
      writers.map(async (w) => {
        for (let i = 0; i < 8; i++) {
          const recs = [helpRequest(), helpRequest()];
          await push(
            s.app,
            w,
            recs.map((record) => ({ mutationId: next(w), table: 'help_requests' as const, record })),
          );
          for (const r of recs) written.add(r.id as string);
        }
      }),
    ).finally(() => {
      done = true;
    });
    const start = await pullAll(s.coordinator, 1000);
    let cursor = start.cursor;
    // The writers may already have committed a batch before this first read: it counts too.
    const seen = new Set<string>(start.changes.map((c) => c.id));
    let pagesDuringWrites = 0;
    while (!done) {
      // Let the writers' I/O run: SQLite answers synchronously, so a tight loop would starve them.
      await new Promise((r) => setTimeout(r, 1));
      const page = await pullAll(s.coordinator, 3, cursor);
      for (const c of page.changes) seen.add(c.id);
      if (page.changes.length > 0) pagesDuringWrites += 1;
      cursor = page.cursor;
    }
    await writing;
    for (const c of (await pullAll(s.coordinator, 3, cursor)).changes) seen.add(c.id);
    expect(written.size).toBe(48);
    expect(pagesDuringWrites).toBeGreaterThan(1);
    for (const id of written) expect(seen.has(id), id).toBe(true);
  });

  it('continues from a cursor with only the new changes', async () => {
    const { cursor } = await pullAll(s.coordinator);
    const rec = helpRequest();
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'help_requests', record: rec },
    ]);
    const after = await pullAll(s.coordinator, 100, cursor);
    expect(after.changes.map((c) => c.id)).toEqual([rec.id]);
    const empty = await pullAll(s.coordinator, 100, after.cursor);
    expect(empty.changes).toEqual([]);
  });

  it('shows volunteers only what they may see', async () => {
    const v = s.volunteer;
    const own = helpRequest();
    const old = helpRequest({ occurredAt: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    const others = helpRequest();
    const eq = equipment();
    const eq2 = equipment();
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'help_requests', record: others },
      { mutationId: next(s.coordinator), table: 'equipment', record: eq },
      { mutationId: next(s.coordinator), table: 'equipment', record: eq2 },
      {
        mutationId: next(s.coordinator),
        table: 'borrowers',
        record: { id: crypto.randomUUID(), borrowerCode: 'B-1', name: 'Fatima', consent: true },
      },
      {
        mutationId: next(s.coordinator),
        table: 'locations',
        record: { id: crypto.randomUUID(), name: 'Bib Permeke' },
      },
    ]);
    const open = loan(eq.id as string);
    const closed = loan(eq2.id as string, { returnedAt: new Date().toISOString() });
    const phone2 = await login(s.app, v.user.email);
    await push(s.app, v, [
      { mutationId: next(v), table: 'help_requests', record: own },
      { mutationId: next(v), table: 'help_requests', record: old },
      { mutationId: next(v), table: 'loans', record: open },
    ]);
    await push(s.app, phone2, [{ mutationId: next(phone2), table: 'loans', record: closed }]);

    const { changes } = await pullAll(v, 500);
    const byId = new Map(changes.map((c) => [c.id, c]));
    expect(byId.get(own.id as string)?.record).toMatchObject({ createdBy: v.user.id });
    expect(byId.has(old.id as string)).toBe(false);
    expect(byId.has(others.id as string)).toBe(false);
    expect(changes.some((c) => c.table === 'borrowers')).toBe(false);
    expect(changes.some((c) => c.table === 'locations')).toBe(true);
    expect(byId.get(open.id as string)).toMatchObject({ deleted: false, record: { status: 'active' } });
    expect(byId.get(closed.id as string)).toMatchObject({ deleted: true, record: null });
    expect(byId.get(eq.id as string)?.record).toMatchObject({ status: 'on_loan' });

    const coord = await pullAll(s.coordinator, 500);
    const tables = new Set(coord.changes.map((c) => c.table));
    expect(tables).toEqual(new Set(['help_requests', 'equipment', 'borrowers', 'locations', 'loans']));
    expect(coord.changes.some((c) => c.id === old.id)).toBe(true);
    const other = await pullAll(s.otherOrg.coordinator, 500);
    expect(other.changes.some((c) => c.id === own.id || c.id === eq.id)).toBe(false);
  });

  it('answers 400 to a malformed cursor or limit and 410 to one it cannot serve', async () => {
    const get = (q: string) => api(s.app, s.coordinator.token, 'GET', `/sync/pull?${q}`);
    for (const q of ['cursor=%%%', 'cursor=bm90IGpzb24', `cursor=${encodeCursor({ e: 1, s: -1 })}`]) {
      const res = await get(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('invalid_cursor');
    }
    for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'foo=1'])
      expect((await get(q)).statusCode, q).toBe(400);
    const far = await get(`cursor=${encodeCursor({ e: 1, s: 10_000_000 })}`);
    expect(far.statusCode).toBe(410);
    expect(far.json().error.code).toBe('cursor_expired');
    expect((await get(`cursor=${encodeCursor({ e: 7, s: 0 })}`)).statusCode).toBe(410);
    await s.db.updateTable('org_seq').set({ min_valid_seq: 3 }).where('org_id', '=', s.orgId).execute();
    expect((await get(`cursor=${encodeCursor({ e: 1, s: 2 })}`)).statusCode).toBe(410);
    expect((await get(`cursor=${encodeCursor({ e: 1, s: 3 })}`)).statusCode).toBe(200);
    expect((await get('cursor=')).statusCode).toBe(200);
  });
});
