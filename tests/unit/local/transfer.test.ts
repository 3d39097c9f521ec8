import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportUnsynced, importUnsynced, saveHelpRequest, setMeta } from '../../../src/local';
import { freshDb, helpDraft } from './helpers';

describe('export and import of unsynced records', () => {
  it('re-creates the records on another device as its own pending outbox entries, skipping known ids', async () => {
    const phoneA = freshDb();
    const a1 = await saveHelpRequest(helpDraft());
    const a2 = await saveHelpRequest(helpDraft({ channel: 'phone' }));
    await phoneA.help_requests.put({
      ...(await phoneA.help_requests.get(a2.id))!,
      syncState: 'needs_attention',
    });
    const synced = await saveHelpRequest(helpDraft({ channel: 'other' }));
    await phoneA.help_requests.update(synced.id, { syncState: 'synced', version: 1 });
    const file = JSON.parse(JSON.stringify(await exportUnsynced()));
    expect(file.records.map((r: { record: { id: string } }) => r.record.id).sort()).toEqual(
      [a1.id, a2.id].sort(),
    );
    expect(file.outbox).toHaveLength(3);

    const phoneB = freshDb();
    await setMeta(phoneB, 'nextMutationId', 8);
    await saveHelpRequest({ ...helpDraft({ channel: 'door_to_door' }), id: a1.id });
    const result = await importUnsynced(JSON.stringify(file));
    expect(result).toEqual({ imported: 1, skipped: 1 });
    const copy = await phoneB.help_requests.get(a2.id);
    expect(copy).toMatchObject({ channel: 'phone', syncState: 'pending' });
    expect((await phoneB.help_requests.get(a1.id))?.channel).toBe('door_to_door');
    const entries = await phoneB.outbox.toArray();
    expect(entries.map((e) => [e.mutationId, e.id])).toEqual([
      [8, a1.id],
      [9, a2.id],
    ]);
  });

  it('refuses a file that is not an export', async () => {
    freshDb();
    await expect(importUnsynced({ format: 'something-else' })).rejects.toThrow();
  });
});
