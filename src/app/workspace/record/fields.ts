// How a record's fields read for a coordinator: which fields each table shows, in what order,
// under which label (the phone form's own label where the phone has that field), and each value
// in words: enum values as labels, yes/no, Brussels dates and times, names instead of ids
// (`names` from the server), topics by name. The record view, the audit trail and the
// overwritten values all use these, so a field reads the same everywhere. Never an id or JSON.
import { label, t, type EnumPrefix, type MessageKey } from '../../../shared/i18n';
import type { TableName } from '../../../shared/records';
import { REFERENCE_FIELDS } from '../../../shared/references';
import type { CoordKey } from '../../../shared/i18n/coordinator/en';
import { ct, when } from '../i18n';

export interface Naming {
  /** `{id: name}` from the server for users, places, partners and items. */
  names: Record<string, string>;
  /** A topic key's name in the coordinator's language. */
  topicName: (key: string) => string;
}

type LabelKey = { v: MessageKey } | { c: CoordKey };
const v = (k: MessageKey): LabelKey => ({ v: k });
const c = (k: CoordKey): LabelKey => ({ c: k });

/** The fields each table shows, in order, with their label. */
const FIELDS: Record<TableName, Array<[string, LabelKey]>> = {
  help_requests: [
    ['occurredAt', c('field.occurredAt')],
    ['createdBy', c('field.createdBy')],
    ['channel', v('help.channel')],
    ['locationId', v('help.place')],
    ['permanenceId', c('field.permanenceId')],
    ['topics', v('help.topics')],
    ['outcome', v('help.outcome')],
    ['referralPartnerIds', v('help.partners')],
    ['durationBand', v('help.duration')],
    ['didItThemselves', v('help.didItThemselves')],
    ['deviceUsed', v('help.deviceUsed')],
    ['followUpNeeded', v('help.followUp')],
    ['ageBand', v('help.ageBand')],
    ['gender', v('help.gender')],
    ['language', v('help.language')],
    ['districtOrPostcode', v('help.postcode')],
    ['repeatVisitor', v('help.repeatVisitor')],
    ['visitorCode', v('help.visitorCode')],
    ['note', v('help.note')],
    ['serviceSignal', v('help.serviceSignal')],
  ],
  permanences: [
    ['kind', v('permanence.kind')],
    ['locationId', v('permanence.place')],
    ['startedAt', c('field.startedAt')],
    ['endedAt', c('field.endedAt')],
    ['createdBy', c('field.createdBy')],
    ['staffUserIds', c('field.staffUserIds')],
    ['extraHelpers', v('permanence.extraHelpers')],
    ['visitorCount', v('permanence.visitors')],
    ['turnedAwayCount', v('permanence.turnedAway')],
    ['doorCount', c('field.doorCount')],
    ['notHomeCount', c('field.notHomeCount')],
    ['conversationCount', c('field.conversationCount')],
    ['equipmentUsed', c('field.equipmentUsed')],
    ['notes', v('permanence.notes')],
    ['difficulties', v('permanence.difficulties')],
    ['serviceSignals', v('permanence.serviceSignals')],
  ],
  equipment: [
    ['assetTag', c('equipment.tag')],
    ['kind', c('equipment.kind')],
    ['make', c('equipment.make')],
    ['model', c('equipment.modelName')],
    ['serial', c('field.serial')],
    ['specs', c('field.specs')],
    ['condition', c('field.condition')],
    ['status', c('equipment.status')],
    ['accessories', c('field.accessories')],
    ['wipedAt', c('field.wipedAt')],
    ['notes', c('field.notes')],
  ],
  loans: [
    ['equipmentId', c('equipment.tag')],
    ['kind', v('loans.kind')],
    ['borrowerCode', v('loans.borrowerCode')],
    ['startedAt', v('loans.since')],
    ['dueAt', v('loans.dueDate')],
    ['extensions', c('field.extensions')],
    ['returnedAt', c('field.returnedAt')],
    ['conditionOut', v('loans.conditionOut')],
    ['conditionIn', v('loans.conditionIn')],
    ['accessoriesOut', v('loans.accessoriesOut')],
    ['accessoriesIn', v('loans.accessoriesIn')],
    ['agreementExplained', v('loans.agreementExplained')],
    ['agreementLanguage', v('loans.agreementLanguage')],
    ['consent', c('field.consent')],
    ['consentAt', c('field.consentAt')],
    ['programme', c('field.programme')],
    ['status', v('loans.status')],
    ['notes', c('field.notes')],
    ['createdBy', c('field.createdBy')],
  ],
  borrowers: [
    ['borrowerCode', v('loans.borrowerCode')],
    ['name', c('field.name')],
    ['phone', c('field.phone')],
    ['email', c('field.email')],
    ['consent', c('field.consent')],
    ['consentAt', c('field.consentAt')],
  ],
  locations: [
    ['name', c('field.name')],
    ['address', c('field.address')],
    ['postcode', c('field.postcode')],
    ['active', c('field.active')],
  ],
  topics: [
    ['labels', c('field.labels')],
    ['active', c('field.active')],
  ],
  partners: [
    ['name', c('field.name')],
    ['kind', c('field.partnerKind')],
    ['contact', c('field.contact')],
    ['url', c('field.url')],
    ['active', c('field.active')],
  ],
  fiches: [
    ['texts', c('field.texts')],
    ['topics', v('help.topics')],
    ['images', c('field.images')],
    ['starter', c('field.starter')],
    ['active', c('field.active')],
  ],
  session_members: [
    ['permanenceId', c('field.permanenceId')],
    ['createdBy', c('field.createdBy')],
    ['joinedAt', c('field.joinedAt')],
    ['endedAt', c('field.endedAt')],
    ['visitorCount', v('permanence.visitors')],
    ['turnedAwayCount', v('permanence.turnedAway')],
    ['doorCount', c('field.doorCount')],
    ['notHomeCount', c('field.notHomeCount')],
    ['conversationCount', c('field.conversationCount')],
  ],
};

/** Fields of the server that every table shares, shown in the audit trail. */
const SERVER_LABELS: Record<string, CoordKey> = {
  reviewState: 'filter.reviewState',
  reviewComment: 'detail.comment',
  deleted: 'field.deleted',
};

/** Fields never shown: ids, versions and device clocks mean nothing to a coordinator. */
const HIDDEN = new Set(['id', 'orgId', 'version', 'createdAt', 'updatedAt', 'receivedAt', 'key']);

const ENUMS: Record<string, EnumPrefix> = {
  channel: 'channel',
  outcome: 'outcome',
  durationBand: 'duration',
  deviceUsed: 'deviceUsed',
  ageBand: 'ageBand',
  gender: 'gender',
  language: 'language',
  agreementLanguage: 'language',
  reviewState: 'reviewState',
  didItThemselves: 'didIt',
};
const KIND_ENUM: Partial<Record<TableName, EnumPrefix>> = {
  permanences: 'permanenceKind',
  equipment: 'equipmentKind',
  loans: 'loanKind',
};
const STATUS_ENUM: Partial<Record<TableName, EnumPrefix>> = {
  equipment: 'equipmentStatus',
  loans: 'loanStatus',
};
const INSTANTS = new Set([
  'occurredAt',
  'startedAt',
  'endedAt',
  'dueAt',
  'returnedAt',
  'wipedAt',
  'consentAt',
  'at',
  'newDueAt',
  'previousDueAt',
]);

/** The fields of `table` in display order (audit-only server fields are not in it). */
export function fieldsOf(table: TableName): string[] {
  return FIELDS[table].map(([f]) => f);
}

/** Whether a field is shown at all (ids and technical fields are not). */
export function isShown(field: string): boolean {
  return !HIDDEN.has(field);
}

/** The label of a field of `table` in the coordinator's language. */
export function fieldLabel(table: TableName, field: string): string {
  const key = FIELDS[table].find(([f]) => f === field)?.[1];
  if (key) return 'v' in key ? t(key.v) : ct(key.c);
  const server = SERVER_LABELS[field];
  return server ? ct(server) : ct('field.other');
}

const yesNo = (b: boolean) => t(b ? 'common.yes' : 'common.no');

/** A name for a referenced id; a removed record is said so, never shown as its id. */
function nameOf(id: string, naming: Naming): string {
  return naming.names[id] ?? ct('field.removed');
}

/** Equipment specs in words: "8 GB RAM, 256 GB storage, Windows 11, AZERTY". */
function specsText(specs: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof specs.ramGb === 'number') parts.push(ct('field.ram', { n: specs.ramGb }));
  if (typeof specs.storageGb === 'number') parts.push(ct('field.storage', { n: specs.storageGb }));
  if (typeof specs.os === 'string' && specs.os) parts.push(specs.os);
  if (typeof specs.keyboard === 'string') parts.push(specs.keyboard.toUpperCase());
  return parts.join(', ');
}

/** One value in words ('' when empty). */
export function valueText(table: TableName, field: string, value: unknown, naming: Naming): string {
  if (value === null || value === undefined || value === '') return '';
  if (field in REFERENCE_FIELDS) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => nameOf(String(id), naming)).join(', ');
  }
  if (field === 'permanenceId') return ct('field.inPermanence');
  if (field === 'topics' && Array.isArray(value))
    return value.map((k) => naming.topicName(String(k))).join(', ');
  const prefix =
    ENUMS[field] ??
    (field === 'kind' ? KIND_ENUM[table] : field === 'status' ? STATUS_ENUM[table] : undefined);
  if (prefix && typeof value === 'string') return label(prefix, value);
  if (typeof value === 'boolean') return yesNo(value);
  if (INSTANTS.has(field) && typeof value === 'string') return when(value, true);
  if (field === 'specs' && typeof value === 'object') return specsText(value as Record<string, unknown>);
  if (field === 'extensions' && Array.isArray(value))
    return value
      .map((e: Record<string, unknown>) =>
        ct('field.extension', { at: when(String(e.at)), due: when(String(e.newDueAt)) }),
      )
      .join('; ');
  if (field === 'labels' && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, name]) => typeof name === 'string' && name)
      .map(([lang, name]) => `${ct(`reference.label.${lang as 'nl'}`)}: ${String(name)}`)
      .join('; ');
  if (field === 'texts' && typeof value === 'object')
    return Object.entries(value as Record<string, { title?: unknown } | undefined>)
      .filter(([, text]) => typeof text?.title === 'string')
      .map(([lang, text]) => `${ct(`reference.label.${lang as 'nl'}`)}: ${String(text?.title)}`)
      .join('; ');
  if (field === 'images' && Array.isArray(value)) return ct('field.imageCount', { n: value.length });
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return ct('field.other');
  return String(value);
}

/** The shown fields of a record as label and words, in the table's order. */
export function describeRecord(
  table: TableName,
  record: Record<string, unknown>,
  naming: Naming,
): Array<{ field: string; label: string; value: string }> {
  return fieldsOf(table).map((field) => ({
    field,
    label: fieldLabel(table, field),
    value: valueText(table, field, record[field], naming),
  }));
}
