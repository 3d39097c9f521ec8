// Record builders and a push helper for the server tests.
import type { FastifyInstance } from 'fastify';
import { newId } from '../../src/shared/ids';
import type { Session } from '../../src/shared/api';
import type { TableName } from '../../src/shared/records';
import type { PushResponse } from '../../src/shared/sync-protocol';
import { findRecord } from '../../src/server/db/records.repository';
import { api, type TestServer } from './helpers';

/** A valid help request (fields may be overridden). */
export function helpRequest(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    occurredAt: new Date().toISOString(),
    channel: 'street_stand',
    topics: ['itsme'],
    outcome: 'solved',
    ...over,
  };
}

/** A valid equipment item. */
export function equipment(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    assetTag: `LT-${Math.floor(Math.random() * 1e6)}`,
    kind: 'laptop',
    status: 'ready',
    ...over,
  };
}

/** A valid open loan of `equipmentId`. */
export function loan(equipmentId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    equipmentId,
    kind: 'loan',
    borrowerCode: 'B-0042',
    startedAt: new Date().toISOString(),
    ...over,
  };
}

export interface Mut {
  mutationId: number;
  table: TableName;
  op?: 'upsert' | 'delete';
  id?: string;
  baseVersion?: number | null;
  record?: Record<string, unknown>;
}

/** Pushes mutations for a session's device and expects HTTP 200. */
export async function push(app: FastifyInstance, s: Session, muts: Mut[]): Promise<PushResponse> {
  const res = await api(app, s.token, 'POST', '/sync/push', {
    deviceId: s.deviceId,
    schemaVersion: 1,
    mutations: muts.map((m) => ({
      mutationId: m.mutationId,
      table: m.table,
      op: m.op ?? 'upsert',
      id: m.id ?? (m.record?.id as string),
      baseVersion: m.baseVersion ?? null,
      ...(m.record && { record: m.record }),
    })),
  });
  if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
  return res.json<PushResponse>();
}

/** A per-session counter of mutation ids. */
export function counter() {
  const next = new Map<string, number>();
  return (s: Session) => {
    const n = (next.get(s.deviceId) ?? 0) + 1;
    next.set(s.deviceId, n);
    return n;
  };
}

/** A stored record of the test organisation with its `data` parsed (undefined when absent). */
export async function storedRecord(
  s: TestServer,
  table: 'help_requests' | 'loans' | 'equipment',
  id: string,
) {
  const row = await findRecord(s.db, table, s.orgId, id);
  return row && { ...row, data: JSON.parse(row.data) as Record<string, unknown> };
}
