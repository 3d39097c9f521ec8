// Every personal field (src/shared/README.md "Personal data") carries its personal-data marker in the schema itself, with
// the class whose retention rule applies; the retention job and the reports read these markers.
import { describe, expect, it } from 'vitest';
import { personalFields, retentionDays, type PersonalDataClass } from '../../../src/shared/personal-data';
import { inputSchemas, serverFields, TABLES, type TableName } from '../../../src/shared/records';

/** The personal fields of each table as src/shared/README.md ("Personal data") describes them. */
const EXPECTED: Record<TableName, Record<string, PersonalDataClass>> = {
  help_requests: {
    ageBand: 'quasi_identifier',
    gender: 'quasi_identifier',
    language: 'quasi_identifier',
    districtOrPostcode: 'quasi_identifier',
    visitorCode: 'pseudonym_link',
    note: 'free_text',
    serviceSignal: 'free_text',
  },
  permanences: { notes: 'free_text', difficulties: 'free_text', serviceSignals: 'free_text' },
  equipment: { notes: 'free_text' },
  loans: { borrowerCode: 'pseudonym_link', notes: 'free_text' },
  borrowers: { name: 'identity', phone: 'identity', email: 'identity' },
  locations: {},
  topics: {},
  partners: {},
  fiches: {},
  session_members: {},
};

const marked = (schema: Parameters<typeof personalFields>[0]) =>
  Object.fromEntries(personalFields(schema).map((f) => [f.field, f.class]));

describe('personal-data markers', () => {
  it.each(TABLES)('%s: exactly the personal fields are marked, with their class', (table) => {
    expect(marked(inputSchemas[table])).toEqual(EXPECTED[table]);
  });

  it('marks the server-side author link (createdBy) as a pseudonym link', () => {
    expect(marked(serverFields)).toEqual({ createdBy: 'pseudonym_link' });
  });

  it('marks every free-text note field, whatever its table', () => {
    for (const table of TABLES) {
      const fields = Object.keys(inputSchemas[table].shape).filter((f) => /note|difficult|signal/i.test(f));
      for (const field of fields)
        expect(marked(inputSchemas[table])[field], `${table}.${field}`).toBe('free_text');
    }
  });

  it('finds markers through optional and nullable wrappers', () => {
    // note is pd(...).nullable().optional(); borrowerCode is marked bare.
    expect(marked(inputSchemas.help_requests).note).toBe('free_text');
    expect(marked(inputSchemas.loans).borrowerCode).toBe('pseudonym_link');
  });

  it('keeps the retention of each class as src/shared/README.md states it', () => {
    expect(retentionDays).toEqual({
      free_text: 26 * 7, // 26 weeks
      pseudonym_link: 365, // 12 months
      identity: 182, // 6 months after return or gift
      quasi_identifier: null, // kept, reported only in groups of 5 or more
    });
  });
});
