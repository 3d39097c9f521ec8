// The equipment part of the seeded month (workspace-data.ts): borrowers with names, items in
// every status, a loan 65 days overdue, a returned loan for an item's history, a second loan of
// an item already out (a loan in conflict) and a help request two phones changed at once (an
// overwritten value), so the equipment, loans and conflicts screens show real content.
import { randomUUID } from 'node:crypto';
import type { Session } from '../../src/shared/api';
import type { PushResponse } from '../../src/shared/sync-protocol';
import { SCHEMA_VERSION } from '../../src/shared/sync-protocol';
import { api, login, type Coordinator } from './api';

const DAY = 86_400_000;

export interface EquipmentSeed {
  /** Items by asset tag. */
  equipmentIds: Record<string, string>;
}

/** Pushes one record from a session's device, whatever the outcome (a conflict is wanted here). */
async function pushOne(
  base: string,
  s: Session,
  mutationId: number,
  table: string,
  record: Record<string, unknown>,
) {
  const res = await api<PushResponse>(base, '/sync/push', {
    token: s.token,
    body: {
      deviceId: s.deviceId,
      schemaVersion: SCHEMA_VERSION,
      mutations: [{ mutationId, table, op: 'upsert', id: record.id, baseVersion: null, record }],
    },
  });
  return res.results[0]?.status;
}

/**
 * Adds the equipment seed. `items` are the items already lent by the month's seed (LT-101 10
 * days overdue, LT-102 due in 25 days); `phones` the two volunteers' phones.
 */
export async function seedEquipment(
  base: string,
  coord: Coordinator,
  phones: Coordinator[],
  volunteer: { email: string; password: string },
  items: Record<string, string>,
): Promise<EquipmentSeed> {
  const now = Date.now();
  const iso = (days: number) => new Date(now + days * DAY).toISOString();
  await coord.upsert('borrowers', [
    { borrowerCode: 'B-0101', name: 'Maria Janssens', phone: '0470 12 34 56', consent: true },
    { borrowerCode: 'B-0102', name: 'Ahmed El Amrani', email: 'ahmed@example.org', consent: true },
    { borrowerCode: 'B-0103', name: 'Josée Dubois', phone: '0486 55 44 33', consent: true },
  ]);
  const more = ['LT-104', 'LT-105', 'LT-106', 'TB-202'];
  const ids = await coord.upsert('equipment', [
    { assetTag: 'LT-104', kind: 'laptop', make: 'Dell', model: 'Latitude 5490', status: 'intake' },
    {
      assetTag: 'LT-105',
      kind: 'laptop',
      make: 'HP',
      model: 'EliteBook 840 G5',
      status: 'repair',
      condition: 'Scharnier los',
    },
    {
      assetTag: 'LT-106',
      kind: 'laptop',
      make: 'Lenovo',
      model: 'ThinkPad T470',
      serial: 'PF-1K2L3M',
      status: 'ready',
      specs: { ramGb: 8, storageGb: 256, os: 'Linux Mint 22', keyboard: 'azerty' },
      accessories: ['Lader', 'Draagtas'],
      wipedAt: iso(-3),
      condition: 'Krasjes op het deksel',
    },
    { assetTag: 'TB-202', kind: 'tablet', make: 'Samsung', model: 'Galaxy Tab A8', status: 'retired' },
  ]);
  const equipmentIds: Record<string, string> = { ...items };
  more.forEach((tag, i) => (equipmentIds[tag] = ids[i]!));
  await phones[1]!.upsert('loans', [
    {
      equipmentId: equipmentIds['LT-103'],
      kind: 'loan',
      borrowerCode: 'B-0103',
      startedAt: iso(-95),
      dueAt: iso(-65),
      agreementExplained: true,
    },
    {
      equipmentId: equipmentIds['LT-106'],
      kind: 'loan',
      borrowerCode: 'B-0101',
      startedAt: iso(-60),
      dueAt: iso(-30),
      returnedAt: iso(-28),
      conditionIn: 'Goed',
      agreementExplained: true,
    },
  ]);
  // A second phone of the first volunteer: lends LT-102 again (already out) and changes a help
  // request the first phone made, without having seen that phone's version.
  const second = await login(base, volunteer.email, volunteer.password);
  const status = await pushOne(base, second, 1, 'loans', {
    id: randomUUID(),
    equipmentId: equipmentIds['LT-102'],
    kind: 'loan',
    borrowerCode: 'B-0101',
    startedAt: iso(-1),
    dueAt: iso(29),
    agreementExplained: true,
  });
  if (status !== 'conflict') throw new Error(`the seeded second loan was ${String(status)}, not a conflict`);
  const help = {
    occurredAt: iso(-2),
    channel: 'permanence',
    topics: ['mypension'],
    outcome: 'solved',
  };
  const [helpId] = await phones[0]!.upsert('help_requests', [help]);
  await pushOne(base, second, 2, 'help_requests', { ...help, id: helpId, outcome: 'not_solved' });
  return { equipmentIds };
}
