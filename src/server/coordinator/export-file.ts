// An export as a file to download: its bytes, content type and a file name (an ASCII one and,
// for the readable export, one in the coordinator's language, RFC 6266 `filename*`).
import { en, type CoordKey } from '../../shared/i18n/coordinator/en';
import { fr } from '../../shared/i18n/coordinator/fr';
import { nl } from '../../shared/i18n/coordinator/nl';
import type { Lang } from '../../shared/i18n/format';
import type { TableName } from '../../shared/records';
import type { CoordDb } from './db';
import { exportCsv, readableCsv, readableTable } from './export';
import { toXlsx } from './xlsx';

const COORD = { nl, fr, en } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportFile {
  body: string | Buffer;
  contentType: string;
  disposition: string;
}

interface Options {
  format: 'readable' | 'raw';
  ext: 'csv' | 'xlsx';
  lang: Lang;
}

/** The language tags of an Accept-Language header, most preferred first. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isNaN(q) ? 0 : q };
    })
    .filter((l) => l.tag !== '' && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

/** `<name>_<from>_<to>.<ext>` with the period's days. */
function fileName(name: string, period: { from?: string; to?: string }, ext: string): string {
  const day = (b: string | undefined) => (b ? `_${b.slice(0, 10)}` : '');
  return `${name}${day(period.from)}${day(period.to)}.${ext}`;
}

/** The export of a table for a period as a file. */
export async function buildExport(
  db: CoordDb,
  orgId: string,
  table: TableName,
  period: { from?: string; to?: string },
  { format, ext, lang }: Options,
): Promise<ExportFile> {
  const ascii = fileName(table, period, ext);
  if (format === 'raw') {
    return {
      body: await exportCsv(db, orgId, table, period),
      contentType: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${ascii}"`,
    };
  }
  const title = COORD[lang][`table.${table}` as CoordKey];
  const local = fileName(title, period, ext);
  const disposition = `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(local)}`;
  const t = await readableTable(db, orgId, table, period, lang);
  if (ext === 'xlsx') return { body: await toXlsx(t, title), contentType: XLSX, disposition };
  return { body: readableCsv(t, lang), contentType: 'text/csv; charset=utf-8', disposition };
}
