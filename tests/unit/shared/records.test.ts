// The record schemas of src/shared/records.ts, the one source of truth for the app, the service
// worker and the server: valid records of every table parse; invalid ones fail with an issue
// on the field at fault (the path the forms and the API's `issues` show).
import { describe, expect, it } from 'vitest';
import {
  didItThemselvesOf,
  DID_IT_THEMSELVES,
  inputSchemas,
  SERVER_FIELD_NAMES,
  TABLES,
  toInput,
  topicKey,
  WRITABLE_TABLES,
  type TableName,
} from '../../../src/shared/records';
import { fullRecords, ID, minimalRecords } from './records.fixtures';
import { issuesOf } from './issues';

const long = (n: number) => 'x'.repeat(n);
const withField = (table: TableName, path: PropertyKey[], value: unknown): Record<string, unknown> => {
  const record = structuredClone(fullRecords[table]) as Record<string, unknown>;
  let target = record;
  for (const key of path.slice(0, -1)) target = target[key as string] as Record<string, unknown>;
  target[path.at(-1) as string] = value;
  return record;
};

describe('valid records', () => {
  it('has a schema for every table', () => {
    expect(Object.keys(inputSchemas).sort()).toEqual([...TABLES].sort());
  });

  it.each(TABLES)('%s: a record with every field parses unchanged', (table) => {
    const parsed = inputSchemas[table].safeParse(fullRecords[table]);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toEqual(fullRecords[table]);
  });

  it.each(TABLES)('%s: a record with only the required fields parses', (table) => {
    expect(issuesOf(inputSchemas[table], minimalRecords[table])).toEqual([]);
  });

  it('accepts null for the optional fields that may be cleared', () => {
    const help = { ...minimalRecords.help_requests, ageBand: null, note: null, locationId: null };
    expect(issuesOf(inputSchemas.help_requests, help)).toEqual([]);
  });

  it('takes "did it themselves" as a choice, and the boolean older phones send mapped to one', () => {
    for (const choice of [...DID_IT_THEMSELVES, null]) {
      const parsed = inputSchemas.help_requests.parse({
        ...minimalRecords.help_requests,
        didItThemselves: choice,
      });
      expect(parsed.didItThemselves).toBe(choice);
    }
    const old = (v: boolean) =>
      inputSchemas.help_requests.parse({ ...minimalRecords.help_requests, didItThemselves: v })
        .didItThemselves;
    expect(old(true)).toBe('yes');
    expect(old(false)).toBe('helper');
    expect(
      issuesOf(inputSchemas.help_requests, { ...minimalRecords.help_requests, didItThemselves: 'maybe' }),
    ).toEqual([expect.objectContaining({ path: ['didItThemselves'] })]);
    expect([true, false, 'together', 'nonsense', undefined].map(didItThemselvesOf)).toEqual([
      'yes',
      'helper',
      'together',
      null,
      null,
    ]);
  });

  it('trims short texts', () => {
    const parsed = inputSchemas.equipment.parse({ ...minimalRecords.equipment, assetTag: '  LT-7 ' });
    expect(parsed.assetTag).toBe('LT-7');
  });
});

describe('invalid records fail on the field at fault', () => {
  it.each(TABLES)('%s: every required field is required', (table) => {
    for (const field of Object.keys(minimalRecords[table])) {
      const record: Record<string, unknown> = { ...minimalRecords[table] };
      delete record[field];
      // zod reports a missing enum as invalid_value, any other missing field as invalid_type.
      expect(issuesOf(inputSchemas[table], record), field).toEqual([
        expect.objectContaining({ path: [field], code: expect.stringMatching(/^invalid_(type|value)$/) }),
      ]);
    }
  });

  it.each(TABLES)('%s: unknown fields and server-owned fields are refused (strict)', (table) => {
    for (const extra of ['nickname', ...SERVER_FIELD_NAMES]) {
      const record = { ...fullRecords[table], [extra]: 1 };
      expect(issuesOf(inputSchemas[table], record), extra).toEqual([
        expect.objectContaining({ path: [], code: 'unrecognized_keys' }),
      ]);
    }
  });

  it('refuses unknown fields inside nested objects too', () => {
    expect(issuesOf(inputSchemas.equipment, withField('equipment', ['specs', 'gpu'], 'rtx'))).toEqual([
      expect.objectContaining({ path: ['specs'], code: 'unrecognized_keys' }),
    ]);
  });

  const enums: Array<[TableName, PropertyKey[]]> = [
    ['help_requests', ['channel']],
    ['help_requests', ['outcome']],
    ['help_requests', ['deviceUsed']],
    ['help_requests', ['durationBand']],
    ['help_requests', ['ageBand']],
    ['help_requests', ['gender']],
    ['help_requests', ['language']],
    ['permanences', ['kind']],
    ['equipment', ['kind']],
    ['equipment', ['status']],
    ['equipment', ['specs', 'keyboard']],
    ['loans', ['kind']],
    ['loans', ['status']],
    ['loans', ['agreementLanguage']],
  ];
  it.each(enums)('%s: a value outside the enum %j', (table, path) => {
    expect(issuesOf(inputSchemas[table], withField(table, path, 'something_else'))).toEqual([
      expect.objectContaining({ path, code: 'invalid_value' }),
    ]);
  });

  const tooLong: Array<[TableName, PropertyKey[], number]> = [
    ['help_requests', ['note'], 2000],
    ['help_requests', ['serviceSignal'], 2000],
    ['help_requests', ['districtOrPostcode'], 40],
    ['help_requests', ['visitorCode'], 40],
    ['permanences', ['notes'], 2000],
    ['permanences', ['equipmentUsed'], 500],
    ['equipment', ['assetTag'], 40],
    ['equipment', ['make'], 200],
    ['equipment', ['specs', 'os'], 200],
    ['loans', ['borrowerCode'], 40],
    ['loans', ['programme'], 200],
    ['borrowers', ['name'], 200],
    ['borrowers', ['phone'], 40],
    ['locations', ['name'], 200],
    ['locations', ['postcode'], 10],
    ['topics', ['labels', 'nl'], 200],
    ['partners', ['url'], 500],
  ];
  it.each(tooLong)('%s: %j longer than %i characters', (table, path, max) => {
    expect(issuesOf(inputSchemas[table], withField(table, path, long(max)))).toEqual([]);
    expect(issuesOf(inputSchemas[table], withField(table, path, long(max + 1)))).toEqual([
      expect.objectContaining({ path, code: 'too_big' }),
    ]);
  });

  it('refuses empty required texts, after trimming', () => {
    expect(issuesOf(inputSchemas.equipment, withField('equipment', ['assetTag'], '   '))).toEqual([
      expect.objectContaining({ path: ['assetTag'], code: 'too_small' }),
    ]);
    expect(issuesOf(inputSchemas.loans, withField('loans', ['borrowerCode'], ''))).toEqual([
      expect.objectContaining({ path: ['borrowerCode'], code: 'too_small' }),
    ]);
  });

  it.each([
    ['a date without a time', '2026-11-23'],
    ['a time without a zone', '2026-11-23T10:02:00'],
    ['a month that does not exist', '2026-13-01T10:02:00Z'],
    ['words', 'yesterday'],
    ['a timestamp number', 1_700_000_000_000],
  ])('refuses %s as an instant', (_what, value) => {
    expect(issuesOf(inputSchemas.help_requests, withField('help_requests', ['occurredAt'], value))).toEqual([
      expect.objectContaining({ path: ['occurredAt'] }),
    ]);
  });

  it('accepts instants in UTC and with a Brussels offset', () => {
    for (const at of ['2026-11-23T10:02:00Z', '2026-11-23T11:02:00+01:00', '2026-07-01T12:00:00.123+02:00']) {
      expect(issuesOf(inputSchemas.help_requests, withField('help_requests', ['occurredAt'], at))).toEqual(
        [],
      );
    }
  });

  it('reports bad instants deep in arrays with their index', () => {
    const record = withField(
      'loans',
      ['extensions'],
      [{ at: 'soon', previousDueAt: null, newDueAt: 'later' }],
    );
    expect(issuesOf(inputSchemas.loans, record).map((i) => i.path)).toEqual([
      ['extensions', 0, 'at'],
      ['extensions', 0, 'newDueAt'],
    ]);
  });

  it.each<[TableName, PropertyKey[], unknown]>([
    ['help_requests', ['id'], 'not-a-uuid'],
    ['help_requests', ['locationId'], '12345'],
    ['help_requests', ['referralPartnerIds'], [ID, 'partner-1']],
    ['loans', ['equipmentId'], `${ID}0`],
    ['locations', ['id'], ''],
  ])('%s: %j must be a UUID', (table, path, value) => {
    const expectedPath = Array.isArray(value) ? [...path, 1] : path;
    expect(issuesOf(inputSchemas[table], withField(table, path, value))).toEqual([
      expect.objectContaining({ path: expectedPath, code: 'invalid_format' }),
    ]);
  });

  it('needs one to twenty topics, each a catalogue key', () => {
    const issues = (topics: unknown) =>
      issuesOf(inputSchemas.help_requests, withField('help_requests', ['topics'], topics));
    expect(issues([])).toEqual([expect.objectContaining({ path: ['topics'], code: 'too_small' })]);
    expect(issues(Array.from({ length: 21 }, (_, i) => `topic_${i}`))).toEqual([
      expect.objectContaining({ path: ['topics'], code: 'too_big' }),
    ]);
    expect(issues(['itsme', 'Not A Key'])).toEqual([
      expect.objectContaining({ path: ['topics', 1], code: 'invalid_format', message: 'invalid_topic_key' }),
    ]);
  });

  it('refuses counts that are negative, fractional or absurd', () => {
    const issues = (path: PropertyKey[], v: unknown) =>
      issuesOf(inputSchemas.permanences, withField('permanences', path, v));
    expect(issues(['visitorCount'], -1)).toEqual([
      expect.objectContaining({ path: ['visitorCount'], code: 'too_small' }),
    ]);
    expect(issues(['visitorCount'], 1.5)).toEqual([
      expect.objectContaining({ path: ['visitorCount'], code: 'invalid_type' }),
    ]);
    expect(issues(['turnedAwayCount'], 100_001)).toEqual([
      expect.objectContaining({ path: ['turnedAwayCount'], code: 'too_big' }),
    ]);
    expect(issues(['visitorCount'], '3')).toEqual([
      expect.objectContaining({ path: ['visitorCount'], code: 'invalid_type' }),
    ]);
  });

  it('refuses a non-object record', () => {
    for (const value of [null, 'record', [], 42]) {
      expect(issuesOf(inputSchemas.help_requests, value)).toEqual([
        expect.objectContaining({ path: [], code: 'invalid_type' }),
      ]);
    }
  });
});

describe('topic keys', () => {
  it('accept lowercase keys of 2 to 40 characters and refuse others', () => {
    for (const ok of ['ab', 'itsme', 'e_banking', 'org_topic_1', `a${long(39)}`])
      expect(issuesOf(topicKey, ok)).toEqual([]);
    for (const bad of ['a', 'Itsme', '1abc', '_abc', 'e-banking', 'e banking', `a${long(40)}`]) {
      expect(issuesOf(topicKey, bad), bad).not.toEqual([]);
    }
  });
});

describe('toInput and writable tables', () => {
  it('keeps the device fields and drops server and local fields', () => {
    const stored = {
      ...fullRecords.loans,
      version: 3,
      orgId: 'org-1',
      reviewState: 'new',
      syncState: 'pending',
      serverRecord: {},
      extra: undefined,
    };
    expect(toInput('loans', stored)).toEqual(fullRecords.loans);
    expect(issuesOf(inputSchemas.loans, toInput('loans', stored))).toEqual([]);
  });

  it('lets volunteers write only help requests, permanences, loans and their part of shared sessions', () => {
    expect([...WRITABLE_TABLES.volunteer].sort()).toEqual([
      'help_requests',
      'loans',
      'permanences',
      'session_members',
    ]);
    expect([...WRITABLE_TABLES.coordinator].sort()).toEqual([...TABLES].sort());
  });
});
