// What an overwritten value is about, in the coordinator's words: the field and its values as
// the record view says them (record/fields.ts: form labels, enum labels, Brussels dates, names
// instead of ids), and a line naming the record ("Help request of 28 Nov 2026, 14:00 ·
// Buurthuis · MyPension"). Never an id or JSON.
import type { TableName } from '../../../shared/records';
import { ct, when } from '../i18n';
import { valueText, type Naming } from '../record/fields';

export { fieldLabel, type Naming } from '../record/fields';

/** One value in words; an empty one says so. */
export function valueWords(table: TableName, field: string, value: unknown, naming: Naming): string {
  return valueText(table, field, value, naming) || ct('conflicts.empty');
}

/** A fiche's title in the coordinator's language, else in the first language it has. */
function ficheTitle(record: Record<string, unknown>): string {
  const texts = (record.texts ?? {}) as Record<string, { title?: unknown } | undefined>;
  const order = [document.documentElement.lang, 'nl', 'fr', 'en'];
  for (const l of order) {
    const title = texts[l]?.title;
    if (typeof title === 'string' && title) return title;
  }
  return '';
}

/** The name of an id, if the server sent one (own keys only: a value "constructor" is text). */
function nameOf(naming: Naming, id: unknown): string | undefined {
  return typeof id === 'string' && Object.hasOwn(naming.names, id) ? naming.names[id] : undefined;
}

/** A line that says which record a value belongs to. */
export function subjectOf(table: TableName, record: Record<string, unknown> | null, naming: Naming): string {
  if (!record) return ct('conflicts.removed');
  const name = (id: unknown) => nameOf(naming, id);
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  switch (table) {
    case 'help_requests': {
      const topics = Array.isArray(record.topics)
        ? record.topics.map((k) => naming.topicName(String(k)))
        : [];
      return [
        ct('conflicts.subject.help_requests', { date: when(str(record.occurredAt), true) }),
        name(record.locationId),
        topics.join(', '),
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'permanences':
      return [
        ct('conflicts.subject.permanences', { date: when(str(record.startedAt), true) }),
        name(record.locationId),
      ]
        .filter(Boolean)
        .join(' · ');
    case 'loans':
      return ct('conflicts.subject.loans', { item: name(record.equipmentId) ?? ct('asset.unknown') });
    case 'equipment':
      return ct('conflicts.subject.equipment', { item: str(record.assetTag) });
    case 'borrowers':
      return ct('conflicts.subject.borrowers', { name: str(record.name) || str(record.borrowerCode) });
    case 'topics':
      return ct('conflicts.subject.topics', { name: naming.topicName(str(record.key)) });
    case 'session_members':
      return ct('conflicts.subject.session_members', { date: when(str(record.joinedAt), true) });
    case 'locations':
    case 'partners':
      return ct(`conflicts.subject.${table}`, { name: str(record.name) });
    case 'fiches':
      return ct('conflicts.subject.fiches', { name: ficheTitle(record) });
  }
}
