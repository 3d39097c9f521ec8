// Names for the ids and codes coordinator lists carry: users by id (who lent a loan, who wrote
// a value) and borrowers by code (their identity, coordinators only). One query per page, not
// one per row.
import type { BorrowerIdentity } from '../../shared/inventory';
import type { Db } from '../db';
import { REFERENCE_FIELDS } from '../../shared/references';

/** The names of the organisation's users among `ids`, by id. */
export async function userNames(
  db: Db,
  orgId: string,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The users who own `deviceIds`, by device id (a merge names the device that wrote it). */
export async function deviceUserNames(
  db: Db,
  orgId: string,
  deviceIds: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = [...new Set([...deviceIds].filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('devices')
    .innerJoin('users', (j) =>
      j.onRef('users.org_id', '=', 'devices.org_id').onRef('users.id', '=', 'devices.user_id'),
    )
    .select(['devices.id as id', 'users.name as name'])
    .where('devices.org_id', '=', orgId)
    .where('devices.id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The identity of the organisation's borrowers among `codes`, by borrower code. */
export async function borrowerIdentities(
  db: Db,
  orgId: string,
  codes: Iterable<string | null | undefined>,
): Promise<Map<string, BorrowerIdentity>> {
  const wanted = [...new Set([...codes].filter((c): c is string => !!c))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('borrowers')
    .select(['borrower_code', 'data'])
    .where('org_id', '=', orgId)
    .where('borrower_code', 'in', wanted)
    .where('deleted', '=', 0)
    .orderBy('received_at', 'desc')
    .execute();
  const out = new Map<string, BorrowerIdentity>();
  for (const r of rows) {
    const d = JSON.parse(r.data) as Record<string, unknown>;
    const name = str(d.name);
    // The newest record of a code wins; an erased one (no name) names nobody.
    if (!r.borrower_code || out.has(r.borrower_code) || !name) continue;
    out.set(r.borrower_code, { name, phone: str(d.phone), email: str(d.email) });
  }
  return out;
}

/** Ids found in records, by what they name. */
export interface IdsToName {
  locations: Set<string>;
  partners: Set<string>;
  equipment: Set<string>;
  users: Set<string>;
}

/** The fields of records that hold ids, and what they name (shared with the workspace). */
const ID_FIELDS: Record<string, keyof IdsToName> = REFERENCE_FIELDS;

/** Empty sets to collect ids into. */
export function idsToName(): IdsToName {
  return { locations: new Set(), partners: new Set(), equipment: new Set(), users: new Set() };
}

/** Adds the ids a field's value holds (a string or an array of them) to `into`. */
export function collectIds(into: IdsToName, field: string, value: unknown): void {
  const kind = ID_FIELDS[field];
  if (!kind) return;
  for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && v) into[kind].add(v);
}

/** Names of the places, partners, items (asset tag) and users among `ids`, by id. */
export async function referenceNames(db: Db, orgId: string, ids: IdsToName) {
  const byName = async (table: 'locations' | 'partners' | 'equipment', set: Set<string>, field: string) => {
    if (set.size === 0) return {};
    const rows = await db
      .selectFrom(table)
      .select(['id', 'data'])
      .where('org_id', '=', orgId)
      .where('id', 'in', [...set])
      .execute();
    const out: Record<string, string> = {};
    for (const r of rows) {
      const v = (JSON.parse(r.data) as Record<string, unknown>)[field];
      if (typeof v === 'string') out[r.id] = v;
    }
    return out;
  };
  return {
    locations: await byName('locations', ids.locations, 'name'),
    partners: await byName('partners', ids.partners, 'name'),
    equipment: await byName('equipment', ids.equipment, 'assetTag'),
    users: Object.fromEntries(await userNames(db, orgId, ids.users)),
  };
}
