// The columns of the readable export per table: a header (a coordinator catalogue key) and how
// a record becomes a cell. Names stand in for ids (volunteer, place, partner, asset tag), words
// for keys, yes/no for booleans, lists are flattened to text, every instant is split into a
// Brussels date and time. Server-only bookkeeping (version, ids, received at) is left to the
// raw export.
import type { CoordKey } from '../../shared/i18n/coordinator/en';
import { didItThemselvesOf, type TableName } from '../../shared/records';
import { dayCell, list, num, text, timeCell, type Cell, type Words } from './export-cells';

type Data = Record<string, unknown>;

/** Names of the things records point at, in the export's language. */
export interface Names {
  place(id: unknown): string | null;
  partner(id: unknown): string | null;
  /** The asset tag of an equipment id. */
  tag(id: unknown): string | null;
  user(id: unknown): string | null;
  topic(key: unknown): string | null;
}

export interface ExportContext {
  words: Words;
  names: Names;
}

export interface Column {
  header: CoordKey;
  cell(r: Data, c: ExportContext): Cell;
  /** Width in characters in the spreadsheet. */
  width?: number;
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const col = (header: CoordKey, cell: Column['cell'], width?: number): Column => ({
  header,
  cell,
  ...(width && { width }),
});
const field = (header: CoordKey, name: string, width = 24) => col(header, (r) => text(r[name]), width);
const yes = (header: CoordKey, name: string) => col(header, (r, c) => c.words.yesNo(r[name]), 10);
const choice = (header: CoordKey, name: string, prefix: Parameters<Words['choice']>[0]) =>
  col(header, (r, c) => c.words.choice(prefix, r[name]), 16);
const count = (header: CoordKey, name: string) => col(header, (r) => num(r[name]), 10);
const date = (header: CoordKey, name: string) => col(header, (r) => dayCell(r[name]), 12);
const time = (header: CoordKey, name: string) => col(header, (r) => timeCell(r[name]), 8);
const volunteer = (header: CoordKey = 'col.volunteer') =>
  col(header, (r, c) => c.names.user(r.createdBy), 18);
const review: Column[] = [
  choice('col.reviewState', 'reviewState', 'reviewState'),
  field('col.reviewComment', 'reviewComment', 30),
];

/** Hours between two instants, one decimal; null while open. */
function hours(r: Data): number | null {
  const start = Date.parse(String(r.startedAt));
  const end = typeof r.endedAt === 'string' ? Date.parse(r.endedAt) : NaN;
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  return Math.round(((end - start) / 3_600_000) * 10) / 10;
}

/** Loan extensions as "23/11/2026 → 30/11/2026 (on 20/11/2026)", one after the other. */
function extensions(r: Data, c: ExportContext): string | null {
  const parts = arr(r.extensions).map((e) => {
    const x = (e ?? {}) as Data;
    const from = typeof x.previousDueAt === 'string' ? c.words.date(x.previousDueAt) : '…';
    const to = typeof x.newDueAt === 'string' ? c.words.date(x.newDueAt) : '…';
    return `${from} → ${to}`;
  });
  return parts.length > 0 ? parts.join('; ') : null;
}

const ficheTitle = (r: Data, lang: string) =>
  text(((r.texts ?? {}) as Record<string, Data | undefined>)[lang]?.title);

const spec = (r: Data, name: string): unknown => ((r.specs ?? {}) as Data)[name];

export const READABLE_COLUMNS: Record<TableName, Column[]> = {
  help_requests: [
    date('col.date', 'occurredAt'),
    time('col.time', 'occurredAt'),
    choice('col.channel', 'channel', 'channel'),
    col('col.place', (r, c) => c.names.place(r.locationId), 20),
    col('col.inPermanence', (r, c) => c.words.yesNo(typeof r.permanenceId === 'string'), 10),
    col('col.topics', (r, c) => list(arr(r.topics).map((t) => c.names.topic(t))), 28),
    choice('col.outcome', 'outcome', 'outcome'),
    col('col.referredTo', (r, c) => list(arr(r.referralPartnerIds).map((p) => c.names.partner(p))), 22),
    col('col.didItThemselves', (r, c) => didIt(r.didItThemselves, c), 16),
    choice('col.duration', 'durationBand', 'duration'),
    choice('col.deviceUsed', 'deviceUsed', 'deviceUsed'),
    yes('col.followUp', 'followUpNeeded'),
    choice('col.ageBand', 'ageBand', 'ageBand'),
    choice('col.gender', 'gender', 'gender'),
    choice('col.language', 'language', 'language'),
    field('col.postcode', 'districtOrPostcode', 12),
    yes('col.repeatVisitor', 'repeatVisitor'),
    field('col.visitorCode', 'visitorCode', 12),
    field('col.note', 'note', 40),
    field('col.serviceSignal', 'serviceSignal', 40),
    volunteer(),
    ...review,
  ],
  permanences: [
    date('col.date', 'startedAt'),
    time('col.start', 'startedAt'),
    time('col.end', 'endedAt'),
    col('col.hours', hours, 8),
    choice('col.kind', 'kind', 'permanenceKind'),
    col('col.place', (r, c) => c.names.place(r.locationId), 20),
    count('col.visitors', 'visitorCount'),
    count('col.turnedAway', 'turnedAwayCount'),
    count('col.doors', 'doorCount'),
    count('col.notHome', 'notHomeCount'),
    count('col.conversations', 'conversationCount'),
    col('col.staff', (r, c) => list(arr(r.staffUserIds).map((u) => c.names.user(u))), 24),
    count('col.extraHelpers', 'extraHelpers'),
    field('col.equipmentUsed', 'equipmentUsed', 24),
    field('col.notes', 'notes', 40),
    field('col.difficulties', 'difficulties', 40),
    field('col.serviceSignals', 'serviceSignals', 40),
    volunteer(),
    ...review,
  ],
  equipment: [
    field('col.assetTag', 'assetTag', 12),
    choice('col.kind', 'kind', 'equipmentKind'),
    field('col.make', 'make', 14),
    field('col.model', 'model', 18),
    field('col.serial', 'serial', 16),
    col('col.ramGb', (r) => num(spec(r, 'ramGb')), 10),
    col('col.storageGb', (r) => num(spec(r, 'storageGb')), 10),
    col('col.os', (r) => text(spec(r, 'os')), 14),
    col('col.keyboard', (r, c) => keyboard(spec(r, 'keyboard'), c), 10),
    field('col.condition', 'condition', 16),
    choice('col.status', 'status', 'equipmentStatus'),
    col('col.accessories', (r) => list(arr(r.accessories) as string[]), 24),
    date('col.wipedDate', 'wipedAt'),
    field('col.notes', 'notes', 40),
    ...review,
  ],
  loans: [
    col('col.assetTag', (r, c) => c.names.tag(r.equipmentId), 12),
    choice('col.loanKind', 'kind', 'loanKind'),
    field('col.borrowerCode', 'borrowerCode', 12),
    date('col.startDate', 'startedAt'),
    time('col.startTime', 'startedAt'),
    date('col.dueDate', 'dueAt'),
    date('col.returnedDate', 'returnedAt'),
    col('col.extensions', extensions, 28),
    choice('col.status', 'status', 'loanStatus'),
    field('col.conditionOut', 'conditionOut', 16),
    col('col.accessoriesOut', (r) => list(arr(r.accessoriesOut) as string[]), 20),
    field('col.conditionIn', 'conditionIn', 16),
    col('col.accessoriesIn', (r) => list(arr(r.accessoriesIn) as string[]), 20),
    yes('col.agreementExplained', 'agreementExplained'),
    choice('col.agreementLanguage', 'agreementLanguage', 'language'),
    yes('col.consent', 'consent'),
    date('col.consentDate', 'consentAt'),
    field('col.programme', 'programme', 16),
    field('col.notes', 'notes', 40),
    volunteer('col.lentBy'),
    ...review,
  ],
  borrowers: [
    field('col.borrowerCode', 'borrowerCode', 12),
    field('col.name', 'name', 24),
    field('col.phone', 'phone', 16),
    field('col.email', 'email', 24),
    yes('col.consent', 'consent'),
    date('col.consentDate', 'consentAt'),
  ],
  locations: [
    field('col.name', 'name', 24),
    field('col.address', 'address', 30),
    field('col.postcode', 'postcode', 10),
    yes('col.active', 'active'),
  ],
  topics: [
    col('col.name', (r, c) => c.names.topic(r.key), 24),
    col('reference.label.nl', (r) => text(((r.labels ?? {}) as Data).nl), 24),
    col('reference.label.fr', (r) => text(((r.labels ?? {}) as Data).fr), 24),
    col('reference.label.en', (r) => text(((r.labels ?? {}) as Data).en), 24),
    yes('col.active', 'active'),
  ],
  partners: [
    field('col.name', 'name', 24),
    field('col.kind', 'kind', 16),
    field('col.contact', 'contact', 24),
    field('col.url', 'url', 30),
    yes('col.active', 'active'),
  ],
  fiches: [
    col('fiches.col.title.nl', (r) => ficheTitle(r, 'nl'), 30),
    col('fiches.col.title.fr', (r) => ficheTitle(r, 'fr'), 30),
    col('fiches.col.title.en', (r) => ficheTitle(r, 'en'), 30),
    col('col.topics', (r, c) => list(arr(r.topics).map((t) => c.names.topic(t))), 30),
    yes('col.active', 'active'),
  ],
  session_members: [
    date('col.joined', 'joinedAt'),
    time('col.start', 'joinedAt'),
    time('col.end', 'endedAt'),
    count('col.visitors', 'visitorCount'),
    count('col.turnedAway', 'turnedAwayCount'),
    count('col.doors', 'doorCount'),
    count('col.notHome', 'notHomeCount'),
    count('col.conversations', 'conversationCount'),
    volunteer(),
  ],
};

/** A keyboard layout as a word: AZERTY, QWERTY, or "other" in the language. */
function keyboard(v: unknown, c: ExportContext): string | null {
  if (v === 'azerty' || v === 'qwerty') return v.toUpperCase();
  return v === 'other' ? c.words.col('col.otherLayout') : null;
}

/** "Did it themselves" in the coordinator's words (the phone's "I did it" is the helper). */
function didIt(v: unknown, c: ExportContext): string | null {
  const answer = didItThemselvesOf(v);
  return answer === 'helper' ? c.words.col('col.didItHelper') : c.words.choice('didIt', answer);
}
