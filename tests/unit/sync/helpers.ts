// Phones for the sync tests: each one a fresh IndexedDB (fake-indexeddb), a new device of a
// seeded user on the REAL test server (tests/server/helpers.ts), and a sync engine over HTTP.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { openDb, type DigitafelDb } from '../../../src/local';
import { newId } from '../../../src/shared/ids';
import type { Session } from '../../../src/shared/api';
import { createApiClient, type ApiClient } from '../../../src/sync/api-client';
import { createSyncEngine, type SyncEngine } from '../../../src/sync/engine';
import { storeSession } from '../../../src/sync/session';
import { login, type TestServer } from '../../server/helpers';

export interface Phone {
  db: DigitafelDb;
  session: Session;
  api: ApiClient;
  engine: SyncEngine;
  /** Makes this phone's database the one the repositories use. */
  use(): DigitafelDb;
}

/**
 * A new install of `who`'s app (a seeded role or a user's e-mail): its own database and a newly
 * enrolled device, talking to `baseUrl` (default the server itself; e.g. a fault proxy).
 */
export async function newPhone(
  server: TestServer,
  who: 'volunteer' | 'coordinator' | { email: string },
  fetchImpl?: typeof fetch,
  baseUrl = server.url,
): Promise<Phone> {
  const session = await login(server.app, typeof who === 'string' ? server[who].user.email : who.email);
  return phoneFor(session, baseUrl, fetchImpl);
}

/** A new install holding `session` (a device already enrolled on the server at `baseUrl`). */
export async function phoneFor(session: Session, baseUrl: string, fetchImpl?: typeof fetch): Promise<Phone> {
  const db = openDb(`sync-${randomUUID()}`);
  await storeSession(db, { ...session, serverUrl: baseUrl });
  const api = createApiClient({ baseUrl, getToken: () => session.token, fetch: fetchImpl });
  return { db, session, api, engine: createSyncEngine({ db, api }), use: () => openDb(db.name) };
}

/** Creates an equipment item on the server through a coordinator's push; returns its id. */
export async function serverEquipment(coordinator: Phone, assetTag: string, mutationId = 1): Promise<string> {
  const id = newId();
  const res = await coordinator.api.push({
    deviceId: coordinator.session.deviceId,
    schemaVersion: 1,
    mutations: [
      {
        mutationId,
        table: 'equipment',
        op: 'upsert',
        id,
        baseVersion: null,
        record: { id, assetTag, kind: 'laptop', status: 'ready' },
      },
    ],
  });
  if (res.results[0]?.status !== 'applied') throw new Error(`equipment not created: ${JSON.stringify(res)}`);
  return id;
}

/** A minimal valid help request draft. */
export function helpDraft(over: Record<string, unknown> = {}) {
  return {
    occurredAt: new Date().toISOString(),
    channel: 'street_stand' as const,
    topics: ['email'],
    outcome: 'solved' as const,
    ...over,
  };
}
