// Issue 15.6: an asset tag names one item whatever its case (`LAP-0001` and `lap-0001` are one
// label), on both ways equipment reaches the server: a push and a coordinator's online create.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/ids';
import { counter, equipment, push } from './fixtures';
import { api, startTestServer, testDatabases, type TestServer } from './helpers';
import { expectApiError } from './routes';

describe.each(testDatabases())('asset tags on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(async () => s?.close());

  it('refuses a second item whose tag differs only in case, in a push and online', async () => {
    const first = equipment({ assetTag: 'LAP-0001' });
    const res = await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', record: first },
      { mutationId: next(s.coordinator), table: 'equipment', record: equipment({ assetTag: 'lap-0001' }) },
      { mutationId: next(s.coordinator), table: 'equipment', record: equipment({ assetTag: ' Lap-0001 ' }) },
      // The item itself may change (its tag unchanged, or only its case).
      { mutationId: next(s.coordinator), table: 'equipment', record: { ...first, condition: 'scratched' } },
      { mutationId: next(s.coordinator), table: 'equipment', record: { ...first, assetTag: 'lap-0001' } },
    ]);
    expect(res.results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'applied',
      'applied',
    ]);
    expect(res.results[1]!.error).toMatchObject({
      code: 'asset_tag_taken',
      issues: [expect.objectContaining({ path: ['assetTag'] })],
    });

    const online = await api(s.app, s.coordinator.token, 'POST', '/records/equipment', {
      record: { id: newId(), assetTag: 'LAP-0001', kind: 'laptop', status: 'ready' },
    });
    expectApiError(online, 409);
    expect(online.json().error.code).toBe('asset_tag_taken');
    const rows = await s.db
      .selectFrom('equipment')
      .select('id')
      .where('org_id', '=', s.orgId)
      .where('deleted', '=', 0)
      .execute();
    expect(rows.map((r) => r.id)).toEqual([first.id]);
  });

  it('frees the tag once the item is deleted, and keeps organisations apart', async () => {
    const item = equipment({ assetTag: 'TAB-7' });
    await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: item }]);
    const other = s.otherOrg.coordinator;
    const elsewhere = await push(s.app, other, [
      { mutationId: next(other), table: 'equipment', record: equipment({ assetTag: 'tab-7' }) },
    ]);
    expect(elsewhere.results[0]!.status).toBe('applied');
    const res = await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'equipment', op: 'delete', id: item.id as string },
      { mutationId: next(s.coordinator), table: 'equipment', record: equipment({ assetTag: 'tab-7' }) },
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
});
