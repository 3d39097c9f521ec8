// Rules for the things a coordinator names (places, partners, topics, equipment): a topic made
// by name gets its key derived here, never typed, and keeps it for good; two live places,
// partners or items may not share a name or asset tag, and two topics not a name in one
// language (built-in topics included), because a volunteer choosing between two identical
// buttons cannot tell them apart. Runs inside the write transaction (the org's sequence lock
// serialises writers), so two coordinators cannot both take one name.
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { nl } from '../../shared/i18n/nl';
import type { Lang } from '../../shared/i18n/format';
import type { TableName } from '../../shared/records';
import { BUILTIN_TOPICS } from '../../shared/topics';
import { borrowerCodeTaken } from '../db/borrower-codes';
import { HttpError } from '../http/errors';
import type { WriteCtx } from './write';
import { deriveTopicKey } from './topic-key';

type Data = Record<string, unknown>;
const LANGS: readonly Lang[] = ['nl', 'fr', 'en'];
const CATALOGUES = { nl, fr, en } as const;

/** How names compare: trimmed, case and accents kept apart only by letters ("Café" = "cafe "). */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

/** The field that names a record of a table (and must be unique among live ones). */
const NAME_FIELD: Partial<Record<TableName, string>> = {
  locations: 'name',
  partners: 'name',
  equipment: 'assetTag',
};

async function liveData(ctx: WriteCtx, table: TableName, exceptId: string | undefined) {
  const rows = await ctx.trx
    .selectFrom(table as 'locations')
    .select(['id', 'data', 'deleted'])
    .where('org_id', '=', ctx.orgId)
    .execute();
  return rows
    .filter((r) => r.id !== exceptId)
    .map((r) => ({ deleted: r.deleted === 1, data: JSON.parse(r.data) as Data }));
}

function taken(code: string, message: string, path: Array<string>): HttpError {
  return new HttpError(409, code, message, [{ code: 'custom', path, message: code }]);
}

/** The organisation's topic names per language, built-in ones first. */
function builtinNames(lang: Lang): string[] {
  const cat = CATALOGUES[lang] as Record<string, string>;
  return BUILTIN_TOPICS.map((k) => cat[`topic.${k}`] ?? k);
}

/** Refuses a topic whose name in a language is already another topic's name in it. */
async function checkTopicNames(ctx: WriteCtx, data: Data, exceptId: string | undefined) {
  const labels = (data.labels ?? {}) as Partial<Record<Lang, unknown>>;
  const others = (await liveData(ctx, 'topics', exceptId)).filter((o) => !o.deleted);
  for (const lang of LANGS) {
    const name = labels[lang];
    if (typeof name !== 'string' || !name.trim()) continue;
    const own = others.map((o) => ((o.data.labels ?? {}) as Partial<Record<Lang, unknown>>)[lang]);
    if ([...builtinNames(lang), ...own].some((n) => typeof n === 'string' && sameName(n, name))) {
      throw taken('name_taken', `a topic is already called "${name}"`, ['labels', lang]);
    }
  }
}

/** Derives the key of a new topic from its name (the first of en, nl, fr given). */
async function withDerivedKey(ctx: WriteCtx, record: Data): Promise<Data> {
  if (record.key !== undefined) return record;
  const labels = (record.labels ?? {}) as Partial<Record<Lang, unknown>>;
  const name = (['en', 'nl', 'fr'] as const)
    .map((l) => labels[l])
    .find((v) => typeof v === 'string' && v.trim());
  if (typeof name !== 'string') {
    throw new HttpError(400, 'validation_failed', 'a topic needs a name in at least one language', [
      { code: 'too_small', path: ['labels'], message: 'name_required' },
    ]);
  }
  // Keys of removed topics stay taken: old help requests still carry them.
  const keys = new Set<string>(BUILTIN_TOPICS);
  for (const o of await liveData(ctx, 'topics', undefined))
    if (typeof o.data.key === 'string') keys.add(o.data.key);
  return { ...record, key: deriveTopicKey(name, keys) };
}

/** A new record of `table` as it will be stored: key derived, names checked (409 when taken). */
export async function prepareCreate(ctx: WriteCtx, table: TableName, record: Data): Promise<Data> {
  if (table === 'topics') {
    const next = await withDerivedKey(ctx, record);
    await checkTopicNames(ctx, next, undefined);
    return next;
  }
  await checkUniqueName(ctx, table, record, undefined);
  await checkBorrowerCode(ctx, table, record, typeof record.id === 'string' ? record.id : '');
  return record;
}

/** Refuses a borrower code another live borrower has (409 `borrower_code_taken`). */
async function checkBorrowerCode(ctx: WriteCtx, table: TableName, data: Data, id: string) {
  if (table !== 'borrowers') return;
  if (await borrowerCodeTaken(ctx.trx, ctx.orgId, data.borrowerCode, id))
    throw taken('borrower_code_taken', 'another borrower has this borrower code', ['borrowerCode']);
}

/** Refuses a correction that changes a topic's key, or takes a name already in use. */
export async function checkCorrection(
  ctx: WriteCtx,
  table: TableName,
  id: string,
  before: Data,
  after: Data,
) {
  if (table === 'topics') {
    if (after.key !== before.key) {
      throw new HttpError(400, 'validation_failed', 'the key of a topic cannot change', [
        { code: 'custom', path: ['key'], message: 'key_fixed' },
      ]);
    }
    if (JSON.stringify(after.labels) !== JSON.stringify(before.labels)) await checkTopicNames(ctx, after, id);
    return;
  }
  const field = NAME_FIELD[table];
  if (field && after[field] !== before[field]) await checkUniqueName(ctx, table, after, id);
  if (after.borrowerCode !== before.borrowerCode) await checkBorrowerCode(ctx, table, after, id);
}

async function checkUniqueName(ctx: WriteCtx, table: TableName, data: Data, exceptId: string | undefined) {
  const field = NAME_FIELD[table];
  const name = field && data[field];
  if (!field || typeof name !== 'string' || !name.trim()) return;
  const others = (await liveData(ctx, table, exceptId)).filter((o) => !o.deleted);
  if (others.some((o) => typeof o.data[field] === 'string' && sameName(o.data[field] as string, name))) {
    const code = table === 'equipment' ? 'asset_tag_taken' : 'name_taken';
    throw taken(code, `"${name}" is already in use`, [field]);
  }
}
