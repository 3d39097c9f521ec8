// Shared setup of the local-store tests: a fresh, uniquely named database per test.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { openDb, type DigitafelDb, type LocalEquipment } from '../../../src/local';
import { newId } from '../../../src/shared/ids';

/** Opens a new empty database and makes it the one the repositories use. */
export function freshDb(): DigitafelDb {
  return openDb(`test-${randomUUID()}`);
}

/** A minimal valid help request draft. */
export function helpDraft(over: Record<string, unknown> = {}) {
  return {
    occurredAt: '2026-11-23T09:30:00.000Z',
    channel: 'street_stand' as const,
    topics: ['itsme'],
    outcome: 'solved' as const,
    ...over,
  };
}

/** Stores an equipment item as if pulled from the server. */
export async function seedEquipment(
  db: DigitafelDb,
  over: Partial<LocalEquipment> = {},
): Promise<LocalEquipment> {
  const item: LocalEquipment = {
    id: newId(),
    assetTag: 'LAP-0042',
    kind: 'laptop',
    status: 'ready',
    version: 1,
    syncState: 'synced',
    ...over,
  };
  await db.equipment.put(item);
  return item;
}
