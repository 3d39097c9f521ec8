import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  deleteHelpRequest,
  getHelpRequest,
  lastHelpDefaults,
  listRecentHelpRequests,
  saveHelpRequest,
  ValidationError,
} from '../../../src/local';
import { freshDb, helpDraft } from './helpers';

describe('help request repository', () => {
  it('refuses an invalid record with the zod issues and writes nothing', async () => {
    const db = freshDb();
    const err = await saveHelpRequest(helpDraft({ topics: [], channel: 'bus' as never })).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const paths = (err as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['topics', 'channel']));
    expect(await db.help_requests.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves a valid record as pending with a matching outbox entry', async () => {
    const db = freshDb();
    const saved = await saveHelpRequest(helpDraft({ districtOrPostcode: ' 2060 ' }));
    expect(saved.syncState).toBe('pending');
    expect(saved.districtOrPostcode).toBe('2060'); // the parsed (trimmed) value is what is stored
    expect(await db.help_requests.get(saved.id)).toEqual(saved);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      mutationId: 1,
      table: 'help_requests',
      op: 'upsert',
      id: saved.id,
      baseVersion: null,
    });
    expect(entry!.record).not.toHaveProperty('syncState');
    expect(entry!.record).toMatchObject({ id: saved.id, channel: 'street_stand', topics: ['itsme'] });
  });

  it('numbers mutations consecutively; edits and deletes add new outbox entries', async () => {
    const db = freshDb();
    const a = await saveHelpRequest(helpDraft());
    const b = await saveHelpRequest(helpDraft({ channel: 'phone' }));
    await saveHelpRequest({ ...helpDraft({ outcome: 'partly' }), id: a.id });
    await db.help_requests.update(b.id, { version: 3, syncState: 'synced' });
    await deleteHelpRequest(b.id);
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => e.mutationId)).toEqual([1, 2, 3, 4]);
    expect(entries.map((e) => [e.id, e.op])).toEqual([
      [a.id, 'upsert'],
      [b.id, 'upsert'],
      [a.id, 'upsert'],
      [b.id, 'delete'],
    ]);
    expect(entries[2]!.record).toMatchObject({ outcome: 'partly' });
    expect(entries[3]!.baseVersion).toBe(3);
    expect(await getHelpRequest(b.id)).toBeUndefined();
    expect((await db.help_requests.get(b.id))?.deleted).toBe(true);
    expect((await listRecentHelpRequests()).map((r) => r.id)).toEqual([a.id]);
  });

  it('remembers place, channel and language of the last saved entry', async () => {
    freshDb();
    await saveHelpRequest(helpDraft({ channel: 'door_to_door', language: 'fr' }));
    expect(await lastHelpDefaults()).toEqual({ locationId: null, channel: 'door_to_door', language: 'fr' });
  });

  it('keeps the last channel that was not a permanence (only true while that one is open)', async () => {
    freshDb();
    await saveHelpRequest(helpDraft({ channel: 'phone' }));
    await saveHelpRequest(helpDraft({ channel: 'permanence', language: 'nl' }));
    expect(await lastHelpDefaults()).toEqual({ locationId: null, channel: 'phone', language: 'nl' });
  });
});
