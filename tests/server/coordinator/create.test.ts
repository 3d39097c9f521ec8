// POST /records/:table on SQLite and PostgreSQL: a coordinator adds places, topics, partners and
// equipment online; phones pull them; bad input and other roles are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/shared/ids';
import type { PullResponse } from '../../../src/shared/sync-protocol';
import { api, testDatabases, type TestServer } from '../helpers';
import { startCoordinatorServer } from './server';

describe.each(testDatabases())('creating reference data on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startCoordinatorServer(url);
  });
  afterAll(() => s.close());

  it('adds a place that phones pull, audited', async () => {
    const id = newId();
    const res = await api(s.app, s.coordinator.token, 'POST', '/records/locations', {
      record: { id, name: 'Bibliotheek Permeke', postcode: '2060', active: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().record).toMatchObject({
      id,
      version: 1,
      name: 'Bibliotheek Permeke',
      createdBy: s.coordinator.user.id,
    });
    const pull = (await api(s.app, s.volunteer.token, 'GET', '/sync/pull')).json<PullResponse>();
    expect(pull.changes.find((c) => c.id === id)?.record).toMatchObject({ name: 'Bibliotheek Permeke' });
    const detail = (await api(s.app, s.coordinator.token, 'GET', `/records/locations/${id}`)).json();
    expect(detail.audit).toHaveLength(1);
    expect(detail.audit[0]).toMatchObject({
      userId: s.coordinator.user.id,
      before: null,
      after: { name: 'Bibliotheek Permeke' },
    });
    const dup = await api(s.app, s.coordinator.token, 'POST', '/records/locations', {
      record: { id, name: 'Again' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('makes the id when none is given, and refuses bad input, other tables and volunteers', async () => {
    const eq = await api(s.app, s.admin.token, 'POST', '/records/equipment', {
      record: { assetTag: 'LT-0001', kind: 'laptop', status: 'intake' },
    });
    expect(eq.statusCode).toBe(201);
    expect(eq.json().record.id).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await api(s.app, s.coordinator.token, 'POST', '/records/equipment', {
      record: { assetTag: 'LT-0002', kind: 'toaster', status: 'intake' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toEqual(['kind']);
    const help = await api(s.app, s.coordinator.token, 'POST', '/records/help_requests', { record: {} });
    expect(help.statusCode).toBe(400);
    const vol = await api(s.app, s.volunteer.token, 'POST', '/records/locations', { record: { name: 'X' } });
    expect(vol.statusCode).toBe(403);
  });
});
