// REST helpers for the e2e tests: seed an organisation, its people and its equipment through the
// real API (as the admin and a coordinator would), and read back what the phones synced.
// Shapes come from src/shared; nothing here touches the database directly.
import { randomUUID } from 'node:crypto';
import type { Session } from '../../src/shared/api';
import type { Change, Mutation, PushResponse } from '../../src/shared/sync-protocol';
import { SCHEMA_VERSION } from '../../src/shared/sync-protocol';
import type { TableName } from '../../src/shared/records';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './server';

/** Calls the API and returns status and parsed JSON body (throws on an unexpected status). */
export async function api<T = unknown>(
  base: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown; expect?: number } = {},
): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  const expected = options.expect ?? (res.status >= 200 && res.status < 300 ? res.status : 200);
  if (res.status !== expected) {
    throw new Error(`${options.method ?? 'GET'} ${path}: ${res.status} ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs in and returns the session (token, deviceId, user). */
export function login(base: string, email: string, password: string): Promise<Session> {
  return api<Session>(base, '/auth/login', { body: { email, password, deviceLabel: 'e2e seed' } });
}

/** A coordinator session that can push reference data with consecutive mutation ids. */
export class Coordinator {
  private nextMutationId = 1;
  constructor(
    readonly base: string,
    readonly session: Session,
  ) {}

  /** Pushes upserts of new records, asserting each was applied; returns their ids. */
  async upsert(table: TableName, records: Array<Record<string, unknown>>): Promise<string[]> {
    const mutations: Mutation[] = records.map((r) => ({
      mutationId: this.nextMutationId++,
      table,
      op: 'upsert',
      id: typeof r.id === 'string' ? r.id : randomUUID(),
      baseVersion: null,
      record: r,
    }));
    for (const m of mutations) if (m.record) m.record.id = m.id;
    const res = await api<PushResponse>(this.base, '/sync/push', {
      token: this.session.token,
      body: { deviceId: this.session.deviceId, schemaVersion: SCHEMA_VERSION, mutations },
    });
    const refused = res.results.filter((r) => r.status !== 'applied');
    if (refused.length > 0) throw new Error(`seed push refused: ${JSON.stringify(refused)}`);
    return mutations.map((m) => m.id);
  }

  /** Every change the server holds for this organisation (follows the cursor to the end). */
  async pullAll(): Promise<Change[]> {
    const changes: Change[] = [];
    let cursor = '';
    for (;;) {
      const page = await api<{ changes: Change[]; cursor: string; hasMore: boolean }>(
        this.base,
        `/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=1000`,
        { token: this.session.token },
      );
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return changes;
    }
  }

  /** The latest record of each id in a table, from a full pull. */
  async records(table: TableName): Promise<Array<Record<string, unknown>>> {
    const latest = new Map<string, Change>();
    for (const c of await this.pullAll()) if (c.table === table) latest.set(c.id, c);
    return [...latest.values()].filter((c) => !c.deleted && c.record).map((c) => c.record ?? {});
  }
}

/**
 * The seeded people's passwords: strong, and free of their names and e-mails (the server refuses
 * a new password holding them, as NIST SP 800-63B asks).
 */
export const COORDINATOR_PASSWORD = 'lantaarn paraplu fietsbel';
export const VOLUNTEER_PASSWORD = 'kaneel molen rivier acht';

export interface SeededOrg {
  coordinator: Coordinator;
  volunteer: { email: string; password: string; name: string };
  locationId: string;
  locationName: string;
  laptop: { id: string; assetTag: string };
}

/** Creates an organisation with a coordinator, a volunteer, a location and a ready laptop. */
export async function seedOrg(base: string, suffix = randomUUID().slice(0, 8)): Promise<SeededOrg> {
  const admin = await login(base, ADMIN_EMAIL, ADMIN_PASSWORD);
  const coordinatorAccount = {
    email: `coordinator-${suffix}@e2e.test`,
    name: 'Coordinator E2E',
    password: COORDINATOR_PASSWORD,
  };
  await api(base, '/orgs', {
    token: admin.token,
    body: { name: `Buurt ${suffix}`, coordinator: coordinatorAccount },
    expect: 201,
  });
  const coordinator = new Coordinator(
    base,
    await login(base, coordinatorAccount.email, coordinatorAccount.password),
  );
  const volunteer = {
    email: `volunteer-${suffix}@e2e.test`,
    name: 'Volunteer E2E',
    password: VOLUNTEER_PASSWORD,
  };
  await api(base, '/users', {
    token: coordinator.session.token,
    body: { ...volunteer, role: 'volunteer' },
    expect: 201,
  });
  const locationName = 'Bibliotheek Permeke';
  const [locationId = ''] = await coordinator.upsert('locations', [{ name: locationName, active: true }]);
  const assetTag = `LT-${suffix.slice(0, 4).toUpperCase()}`;
  const [laptopId = ''] = await coordinator.upsert('equipment', [
    { assetTag, kind: 'laptop', make: 'Lenovo', model: 'ThinkPad T480', status: 'ready' },
  ]);
  return { coordinator, volunteer, locationId, locationName, laptop: { id: laptopId, assetTag } };
}
