import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addTurnedAway,
  addVisitor,
  endPermanence,
  getOpenPermanence,
  startPermanence,
} from '../../../src/local';
import { freshDb } from './helpers';

describe('permanence repository', () => {
  it('opens a session, counts visitors (never below 0) and closes it', async () => {
    const db = freshDb();
    const p = await startPermanence({ locationId: null, kind: 'digi_table' });
    expect((await getOpenPermanence())?.id).toBe(p.id);
    await addVisitor(p.id);
    await addVisitor(p.id);
    await addVisitor(p.id, -1);
    await addTurnedAway(p.id, -1);
    await addTurnedAway(p.id);
    const closed = await endPermanence(p.id, { notes: 'busy', extraHelpers: 1 });
    expect(closed).toMatchObject({ visitorCount: 1, turnedAwayCount: 1, notes: 'busy', extraHelpers: 1 });
    expect(closed.endedAt).toBeTruthy();
    expect(await getOpenPermanence()).toBeUndefined();
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(7);
    expect(entries.at(-1)!.record).toMatchObject({ visitorCount: 1, turnedAwayCount: 1 });
  });
});
