// GET /export/:table.(csv|xlsx) on SQLite and PostgreSQL: the readable export (words and names
// in the coordinator's language, Brussels date and time in their own columns, no ids), the XLSX
// with typed cells, the raw CSV for joining tables (the exact bytes a Belgian Excel needs: BOM,
// `;`, CRLF, RFC 4180 quoting, accents intact), the formula guards, roles and isolation.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/shared/ids';
import { api, testDatabases, type TestServer } from '../helpers';
import { counter, equipment, helpRequest, loan, push } from '../fixtures';
import { startCoordinatorServer } from './server';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A `;` CSV document parsed into rows of fields (RFC 4180 quotes), BOM dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted && ch === '"' && s[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += ch;
    } else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

/** Rows of a parsed CSV as objects keyed by the header. */
function byHeader(rows: string[][]): Array<Record<string, string>> {
  const [header = [], ...rest] = rows;
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe.each(testDatabases())('exports on $name', ({ url }) => {
  let s: TestServer;
  const next = counter();
  const place = { id: newId(), name: 'Buurthuis De Kroon' };
  const partner = { id: newId(), name: 'Bibliotheek Noord' };
  const item = equipment({ assetTag: 'LT-0042', kind: 'laptop' });
  const tricky = helpRequest({
    occurredAt: '2026-11-10T09:05:00Z', // 10:05 in Brussels
    topics: ['itsme', 'e_banking'],
    outcome: 'referred',
    referralPartnerIds: [partner.id],
    locationId: place.id,
    didItThemselves: 'yes',
    followUpNeeded: false,
    note: 'Café; "itsme" kapot\r\nopnieuw — élève à Liège, ça va',
  });
  const formula = helpRequest({ occurredAt: '2026-11-11T10:00:00Z', note: '=2+2' });
  const comma = helpRequest({
    occurredAt: '2026-11-11T11:00:00Z',
    note: '1030,=2+2',
    districtOrPostcode: '-5',
  });
  const outside = helpRequest({ occurredAt: '2026-12-11T10:00:00Z' });
  const lent = loan(item.id as string, { startedAt: '2026-11-12T13:30:00Z', dueAt: '2026-12-12T13:30:00Z' });

  beforeAll(async () => {
    s = await startCoordinatorServer(url);
    await push(s.app, s.coordinator, [
      { mutationId: next(s.coordinator), table: 'locations', record: place },
      { mutationId: next(s.coordinator), table: 'partners', record: partner },
      { mutationId: next(s.coordinator), table: 'equipment', record: item },
    ]);
    await push(
      s.app,
      s.volunteer,
      [tricky, formula, comma, outside].map((record) => ({
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record,
      })),
    );
    await push(s.app, s.volunteer, [{ mutationId: next(s.volunteer), table: 'loans', record: lent }]);
  });
  afterAll(() => s.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    s.app.inject({
      method: 'GET',
      url: `/api/v1${path}`,
      headers: { authorization: `Bearer ${s.coordinator.token}`, ...headers },
    });

  it('writes a readable CSV in Dutch: words, names, Brussels date and time, no ids', async () => {
    const res = await get('/export/help_requests.csv?from=2026-11-01&to=2026-11-30&lang=nl');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="help_requests_2026-11-01_2026-11-30.csv"; filename*=UTF-8''Hulpvragen_2026-11-01_2026-11-30.csv`,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.toString('utf8');
    expect(text).not.toMatch(UUID);
    const rows = byHeader(parseCsv(text));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      Datum: '2026-11-10',
      Uur: '10:05',
      Waar: 'Straatstand',
      Plaats: 'Buurthuis De Kroon',
      Onderwerpen: 'itsme, Online bankieren',
      Resultaat: 'Doorverwezen',
      'Doorverwezen naar': 'Bibliotheek Noord',
      'Deed de stappen zelf': 'Ja, zelf',
      'Opvolging nodig': 'Nee',
      'Tijdens een permanentie': 'Nee',
      Vrijwilliger: 'Vera',
      Nazicht: 'Nieuw',
      Notitie: 'Café; "itsme" kapot\r\nopnieuw — élève à Liège, ça va',
    });
    expect(text).toContain('"Café; ""itsme"" kapot\r\nopnieuw — élève à Liège, ça va"');
  });

  it('guards formulas without a visible apostrophe where none is needed (issue 11, finding 12)', async () => {
    const text = (await get('/export/help_requests.csv?from=2026-11-01&to=2026-11-30&lang=nl')).body;
    // Starts like a formula: the apostrophe is the only guard a spreadsheet honours.
    expect(text).toContain(";'=2+2;");
    // Holds a comma: quoted, so a comma-separated reading keeps one field starting with "1030".
    expect(text).toContain(';"1030,=2+2";');
    expect(text).not.toContain("'1030");
    // A number that starts with a minus is a number, not a formula: left alone.
    expect(text).toContain(';-5;');
  });

  it('follows the Accept-Language header when no lang is given, and names a loan by its asset tag', async () => {
    const fr = await get('/export/loans.csv', { 'accept-language': 'fr-BE,fr;q=0.9,nl;q=0.5' });
    const rows = byHeader(parseCsv(fr.body));
    expect(rows).toEqual([
      expect.objectContaining({
        'Numéro d’inventaire': 'LT-0042',
        'Prêt ou don': 'Prêt',
        'Date de début': '2026-11-12',
        'Heure de début': '14:30',
        'À rendre le': '2026-12-12',
        'Prêté par': 'Vera',
        Statut: 'En cours',
      }),
    ]);
    expect(fr.body).not.toMatch(UUID);
  });

  it('writes an XLSX whose dates are dates, times times, and a formula-looking note text', async () => {
    const res = await get('/export/help_requests.xlsx?from=2026-11-01&to=2026-11-30&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Help requests');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Date', 'Time', 'Where']);
    const first = sheet.getRow(2);
    const day = first.getCell(1);
    expect(day.type).toBe(ExcelJS.ValueType.Date);
    expect((day.value as Date).toISOString()).toBe('2026-11-10T00:00:00.000Z');
    expect(day.numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(2).numFmt).toBe('hh:mm');
    // A time is a fraction of a day with a time format, which a reader shows as 10:05.
    const at = first.getCell(2).value as Date;
    expect([at.getUTCHours(), at.getUTCMinutes()]).toEqual([10, 5]);
    const noteCol = header.indexOf('Note') + 1;
    const formulaCell = sheet.getRow(3).getCell(noteCol);
    expect(formulaCell.type).toBe(ExcelJS.ValueType.String);
    expect(formulaCell.value).toBe('=2+2');
    expect(sheet.rowCount).toBe(4);
  });

  it('keeps the raw CSV for joining tables: keys, ids, ISO instants', async () => {
    const res = await get('/export/help_requests.csv?from=2026-11-01&to=2026-11-30&format=raw');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="help_requests_2026-11-01_2026-11-30.csv"',
    );
    const text = res.rawPayload.toString('utf8');
    expect(
      text.startsWith(
        '\uFEFFid;version;receivedAt;createdBy;reviewState;reviewComment;createdAt;updatedAt;occurredAt;channel;',
      ),
    ).toBe(true);
    const rows = parseCsv(text);
    expect(rows.at(-1)).toBeDefined();
    expect(text.endsWith('\r\n')).toBe(true);
    const header = rows[0]!;
    const first = rows[1]!;
    expect(first[0]).toBe(tricky.id);
    expect(first[header.indexOf('topics')]).toBe('itsme, e_banking');
    expect(first[header.indexOf('occurredAt')]).toBe('2026-11-10T09:05:00Z');
    expect(first[header.indexOf('locationId')]).toBe(place.id);
    expect(first[header.indexOf('reviewState')]).toBe('new');
    expect(first[header.indexOf('note')]).toBe('Café; "itsme" kapot\r\nopnieuw — élève à Liège, ça va');
    expect(rows).toHaveLength(4);
    expect(text).not.toContain(outside.id as string);
    expect(res.rawPayload.includes(Buffer.from('élève à Liège', 'utf8'))).toBe(true);
  });

  it('refuses volunteers, unknown tables, raw XLSX and bad periods; shows nothing of another organisation', async () => {
    expect((await api(s.app, s.volunteer.token, 'GET', '/export/help_requests.csv')).statusCode).toBe(403);
    expect((await api(s.app, s.volunteer.token, 'GET', '/export/help_requests.xlsx')).statusCode).toBe(403);
    expect((await api(s.app, s.coordinator.token, 'GET', '/export/nope.csv')).statusCode).toBe(404);
    expect((await api(s.app, s.coordinator.token, 'GET', '/export/help_requests.pdf')).statusCode).toBe(400);
    const raw = await api(s.app, s.coordinator.token, 'GET', '/export/help_requests.xlsx?format=raw');
    expect(raw.statusCode).toBe(400);
    expect(raw.json().error.issues[0].path).toEqual(['format']);
    const lang = await api(s.app, s.coordinator.token, 'GET', '/export/help_requests.csv?lang=de');
    expect(lang.statusCode).toBe(400);
    const bad = await api(s.app, s.coordinator.token, 'GET', '/export/help_requests.csv?from=11/01/2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toEqual(['from']);
    const other = await api(s.app, s.otherOrg.coordinator.token, 'GET', '/export/help_requests.csv');
    expect(other.statusCode).toBe(200);
    expect(other.body.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
