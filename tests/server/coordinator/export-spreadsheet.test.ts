// The Dutch help-request CSV opened as a Belgian user opens it: LibreOffice Calc (headless, the
// Debian package; .ci/run installs it) imports it with `;`, UTF-8 and the nl-BE locale and
// saves it as XLSX; the sheet XML read back has a real date in the date column, a time in the
// time column, and text, not a formula, where a note starts with `=`. Fails when soffice is
// missing: a spreadsheet program is what this export is for.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestServer } from '../helpers';
import { counter, helpRequest, push } from '../fixtures';
import { startCoordinatorServer } from './server';

const run = promisify(execFile);
/** `;` separator, `"` quotes, UTF-8 (76), from line 1, nl-BE (2067): PLATFORM notes. */
const BELGIAN_CSV = 'CSV:59,34,76,1,,2067';

/** The cells of a sheet XML by reference ("A2"): type, style index, value, and whether a formula. */
function cells(xml: string): Map<string, { t: string; s: number; v: string; formula: boolean }> {
  const out = new Map<string, { t: string; s: number; v: string; formula: boolean }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const attrs = m[2] ?? '';
    const body = m[3] ?? '';
    out.set(m[1]!, {
      t: /t="(\w+)"/.exec(attrs)?.[1] ?? 'n',
      s: Number(/s="(\d+)"/.exec(attrs)?.[1] ?? 0),
      v: /<v>(.*?)<\/v>/.exec(body)?.[1] ?? '',
      formula: body.includes('<f'),
    });
  }
  return out;
}

/** The number format code of each cell style of styles.xml, by style index. */
function styleFormats(xml: string): string[] {
  const custom = new Map(
    [...xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => custom.get(m[1]!) ?? `builtin:${m[1]}`);
}

describe('the Dutch help-request CSV in LibreOffice Calc', () => {
  let s: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'digitafel-calc-'));
  const next = counter();

  beforeAll(async () => {
    s = await startCoordinatorServer(testDatabases()[0]!.url);
    await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record: helpRequest({ occurredAt: '2026-11-10T09:05:00Z', note: 'Zoë; hulp bij itsme' }),
      },
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record: helpRequest({ occurredAt: '2026-11-11T13:30:00Z', note: '=2+2' }),
      },
    ]);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a real date in the date column, a time in the time column, and no formula', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/export/help_requests.csv?from=2026-11-01&to=2026-11-30&lang=nl',
      headers: { authorization: `Bearer ${s.coordinator.token}` },
    });
    expect(res.statusCode).toBe(200);
    const csv = join(dir, 'hulpvragen.csv');
    writeFileSync(csv, res.rawPayload);
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        `--infilter=${BELGIAN_CSV}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        csv,
      ],
      { timeout: 180_000 },
    );
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'hulpvragen.xlsx')));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    const formats = styleFormats(await zip.file('xl/styles.xml')!.async('string'));
    const strings = [...shared.matchAll(/<si>(?:<t[^>]*>(.*?)<\/t>)<\/si>/gs)].map((m) => m[1]);
    const c = cells(sheet);
    const text = (ref: string) => strings[Number(c.get(ref)?.v)];

    expect(text('A1')).toBe('Datum');
    expect(text('B1')).toBe('Uur');
    // 2026-11-10 is day 46336 of the spreadsheet calendar (1899-12-30 = 0), with a date format.
    const day = c.get('A2')!;
    expect(day.t).toBe('n');
    expect(Number(day.v)).toBe(46336);
    expect(formats[day.s]).toMatch(/y/i);
    expect(formats[day.s]).toMatch(/d/i);
    // 10:05 in Brussels is 10/24 + 5/1440 of a day, with a time format.
    const time = c.get('B2')!;
    expect(time.t).toBe('n');
    expect(Math.round(Number(time.v) * 1440)).toBe(10 * 60 + 5);
    expect(formats[time.s]).toMatch(/h/i);
    // The note that starts with "=" is text, not a formula.
    const notes = [...c.entries()].filter(([, v]) => v.formula);
    expect(notes).toEqual([]);
    expect(strings).toContain('Zoë; hulp bij itsme');
  }, 240_000);
});
