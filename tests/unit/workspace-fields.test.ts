// Every field a record can hold is shown in the coordinator's record view under a label (no
// field silently missing, none shown under its technical name), and values read as words.
import { beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/shared/i18n';
import { inputSchemas, TABLES } from '../../src/shared/records';
import {
  describeRecord,
  fieldLabel,
  fieldsOf,
  isShown,
  valueText,
} from '../../src/app/workspace/record/fields';

const naming = { names: { u1: 'Vera', p1: 'Markt Kiel' }, topicName: (k: string) => `topic ${k}` };

beforeAll(() => setLanguage('en'));

describe('record fields in words', () => {
  it.each(TABLES)('shows every field of %s under a label', (table) => {
    const fields = Object.keys(inputSchemas[table].shape).filter(isShown);
    expect(fields.filter((f) => !fieldsOf(table).includes(f))).toEqual([]);
    for (const f of fieldsOf(table)) expect(fieldLabel(table, f), f).not.toMatch(/^[a-z]+[A-Z]\w*$/);
  });

  it('names ids, says removed ones, and words enums, booleans and Brussels times', () => {
    const out = describeRecord(
      'help_requests',
      {
        createdBy: 'u1',
        locationId: 'gone',
        outcome: 'referred',
        followUpNeeded: true,
        topics: ['itsme'],
        occurredAt: '2026-11-20T13:05:00Z',
      },
      naming,
    );
    const value = (f: string) => out.find((o) => o.field === f)?.value;
    expect(value('createdBy')).toBe('Vera');
    expect(value('locationId')).toBe('(removed)');
    expect(value('outcome')).toBe('Referred');
    expect(value('followUpNeeded')).toBe('Yes');
    expect(value('topics')).toBe('topic itsme');
    expect(value('occurredAt')).toMatch(/20 Nov 2026,? 14:05/);
    expect(valueText('equipment', 'specs', { ramGb: 8, keyboard: 'azerty' }, naming)).toBe(
      '8 GB RAM, AZERTY',
    );
  });
});
