// The report rollup: help requests are counted per Brussels day and dimension into
// report_help_counts, so the summary over a million requests reads a few thousand rows.
// It catches up incrementally by the org's sync sequence: each changed request first takes
// back what it added last time (report_help_facts), then adds its current facts. Writers
// commit in seq order (the org_seq lock), so reading "seq > last rolled up" misses nothing.
import { sql } from 'kysely';
import { brusselsDay } from '../../shared/report';
import { helpFacts, ROLLUP_VERSION, type HelpFactSource } from '../../shared/report-summary';
import { listOrgIds } from '../db/orgs.repository';
import { baseDb, type CoordDb, type CoordTx } from './db';

const BATCH = 20_000;
const CHUNK = 400;
/** Rows per multi-row INSERT: 2,000 rows of at most 5 columns stay far below the bound-parameter
 * limits of SQLite (32,766) and PostgreSQL (65,535) while keeping round trips few. */
const WRITE_CHUNK = 2000;

/** Splits a list into chunks (bound-parameter limits). */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Fact {
  day: string;
  facts: string[];
}

const HOUR = 3_600_000;

/**
 * brusselsDay with a memo per UTC hour: Brussels is a whole number of hours off UTC, so its
 * midnight falls on a UTC hour boundary and every instant of one UTC hour has the same day.
 */
function dayMemo(): (instant: string) => string {
  const byHour = new Map<number, string>();
  return (instant) => {
    const t = new Date(instant).getTime();
    if (Number.isNaN(t)) return brusselsDay(instant);
    const hour = Math.floor(t / HOUR);
    let day = byHour.get(hour);
    if (day === undefined) byHour.set(hour, (day = brusselsDay(new Date(hour * HOUR))));
    return day;
  };
}

/** The facts a stored help request adds, or null when it is deleted or unreadable. */
function factsOf(deleted: number, data: string, dayOf: (instant: string) => string): Fact | null {
  if (deleted === 1) return null;
  const r = JSON.parse(data) as Partial<HelpFactSource>;
  if (typeof r.occurredAt !== 'string' || !Array.isArray(r.topics) || !r.outcome || !r.channel) return null;
  const day = dayOf(r.occurredAt);
  return { day, facts: helpFacts(r as HelpFactSource).map((f) => `${f.dim}\t${f.key}`) };
}

/** Adds one delta per (day, fact) to the map. */
function addDeltas(deltas: Map<string, number>, fact: Fact, sign: 1 | -1): void {
  for (const f of fact.facts) {
    const k = `${fact.day}\t${f}`;
    deltas.set(k, (deltas.get(k) ?? 0) + sign);
  }
}

/** Rolls up one batch of changed help requests; returns how many it read. */
async function rollBatch(trx: CoordTx, orgId: string): Promise<number> {
  await trx
    .insertInto('report_state')
    .values({ org_id: orgId, help_seq: 0, rollup_version: ROLLUP_VERSION })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  // A no-op update takes the row lock (PostgreSQL) or the write lock (SQLite) first.
  const state = await trx
    .updateTable('report_state')
    .set((eb) => ({ help_seq: eb.ref('help_seq') }))
    .where('org_id', '=', orgId)
    .returning(['help_seq', 'rollup_version'])
    .executeTakeFirstOrThrow();
  if (state.rollup_version !== ROLLUP_VERSION) {
    await restart(trx, orgId);
    state.help_seq = 0;
  }
  const rows = await trx
    .selectFrom('help_requests')
    .select(['id', 'seq', 'version', 'deleted', 'data'])
    .where('org_id', '=', orgId)
    .where('seq', '>', state.help_seq)
    .orderBy('seq')
    .limit(BATCH)
    .execute();
  if (rows.length === 0) return 0;

  const last = Number(rows[rows.length - 1]!.seq);

  // What the batch's requests added last time: primary-key lookups in a few large chunks. Only
  // rewritten requests can have facts: every write with a new seq is a new version, so a request
  // still at version 1 was never read by an earlier rollup (its seq is above help_seq).
  const old = new Map<string, Fact>();
  for (const ids of chunks(
    rows.filter((r) => Number(r.version) > 1).map((r) => r.id),
    WRITE_CHUNK * 2,
  )) {
    const prev = await trx
      .selectFrom('report_help_facts')
      .select(['record_id', 'day', 'facts'])
      .where('org_id', '=', orgId)
      .where('record_id', 'in', ids)
      .execute();
    for (const p of prev) old.set(p.record_id, { day: p.day, facts: JSON.parse(p.facts) as string[] });
  }
  const dayOf = dayMemo();
  const deltas = new Map<string, number>();
  const upserts: Array<{ org_id: string; record_id: string; day: string; facts: string }> = [];
  const removals: string[] = [];
  for (const r of rows) {
    const before = old.get(r.id);
    const now = factsOf(Number(r.deleted), r.data, dayOf);
    if (before) addDeltas(deltas, before, -1);
    if (now) {
      addDeltas(deltas, now, 1);
      upserts.push({ org_id: orgId, record_id: r.id, day: now.day, facts: JSON.stringify(now.facts) });
    } else if (before) removals.push(r.id);
  }
  await applyDeltas(trx, orgId, deltas);
  for (const part of chunks(upserts, WRITE_CHUNK)) {
    await trx
      .insertInto('report_help_facts')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['org_id', 'record_id']).doUpdateSet((eb) => ({
          day: eb.ref('excluded.day'),
          facts: eb.ref('excluded.facts'),
        })),
      )
      .execute();
  }
  for (const ids of chunks(removals)) {
    await trx
      .deleteFrom('report_help_facts')
      .where('org_id', '=', orgId)
      .where('record_id', 'in', ids)
      .execute();
  }
  await trx.updateTable('report_state').set({ help_seq: last }).where('org_id', '=', orgId).execute();
  return rows.length;
}

/** Forgets an organisation's rollup built by an older helpFacts, so it is rebuilt from seq 0. */
async function restart(trx: CoordTx, orgId: string): Promise<void> {
  await trx.deleteFrom('report_help_counts').where('org_id', '=', orgId).execute();
  await trx.deleteFrom('report_help_facts').where('org_id', '=', orgId).execute();
  await trx
    .updateTable('report_state')
    .set({ help_seq: 0, rollup_version: ROLLUP_VERSION })
    .where('org_id', '=', orgId)
    .execute();
}

/** Adds the deltas to the day counts (insert or add to the existing count). */
async function applyDeltas(trx: CoordTx, orgId: string, deltas: Map<string, number>): Promise<void> {
  const values = [...deltas]
    .filter(([, n]) => n !== 0)
    .map(([k, n]) => {
      const [day = '', dim = '', bucket = ''] = k.split('\t');
      return { org_id: orgId, day, dim, bucket, n };
    });
  for (const part of chunks(values, WRITE_CHUNK)) {
    await trx
      .insertInto('report_help_counts')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'day', 'dim', 'bucket'])
          .doUpdateSet({ n: sql<number>`report_help_counts.n + excluded.n` }),
      )
      .execute();
  }
}

/** Brings the organisation's rollup up to date with every committed help request. */
export async function refreshReportCounts(db: CoordDb, orgId: string): Promise<void> {
  for (;;) {
    const read = await db.transaction().execute((trx) => rollBatch(trx, orgId));
    if (read < BATCH) return;
  }
}

/** True when the organisation has help requests written after its last rollup, or an old rollup. */
async function behind(db: CoordDb, orgId: string): Promise<boolean> {
  const state = await db
    .selectFrom('report_state')
    .select(['help_seq', 'rollup_version'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (state && state.rollup_version !== ROLLUP_VERSION) return true;
  const newer = await db
    .selectFrom('help_requests')
    .select('id')
    .where('org_id', '=', orgId)
    .where('seq', '>', state?.help_seq ?? 0)
    .limit(1)
    .executeTakeFirst();
  return newer !== undefined;
}

/**
 * Background catch-up (server/main.ts, every minute): brings every organisation that has new
 * help requests up to date, so a coordinator's first report after a large import or a busy
 * day reads a ready rollup instead of rolling up in the request. Safe on several instances at
 * once (each batch holds the org's report_state lock); returns the organisations refreshed.
 */
export async function catchUpReports(db: CoordDb): Promise<number> {
  let refreshed = 0;
  for (const orgId of await listOrgIds(baseDb(db))) {
    if (!(await behind(db, orgId))) continue;
    await refreshReportCounts(db, orgId);
    refreshed++;
  }
  return refreshed;
}

/** The day counts of the organisation between two Brussels days (both included). */
export async function dayCounts(db: CoordTx, orgId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('report_help_counts')
    .select(['day', 'dim', 'bucket', 'n'])
    .where('org_id', '=', orgId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return rows.map((r) => ({ day: r.day, dim: r.dim, key: r.bucket, n: Number(r.n) }));
}
