// The XLSX writer of the exports (exceljs): one sheet named after the table, a bold header row
// that stays on screen and filters, and typed cells: a date is a date (a serial number with a
// dd/mm/yyyy format), a time a time (a fraction of a day, hh:mm), a number a number, and text
// is text, never a formula (exceljs writes strings as strings), so no apostrophe guard.
import ExcelJS from 'exceljs';
import type { Cell } from './export-cells';
import type { ReadableTable } from './export';

const DAY_FORMAT = 'dd/mm/yyyy';
const TIME_FORMAT = 'hh:mm';

/** A cell's value and number format for exceljs. */
function xlsxValue(cell: Cell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return { value: cell };
  if ('day' in cell) {
    const [y, m, d] = cell.day.split('-').map(Number);
    // Spreadsheet dates have no time zone: the Brussels calendar day at midnight, as UTC.
    return { value: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), numFmt: DAY_FORMAT };
  }
  const [h, min] = cell.time.split(':').map(Number);
  return { value: ((h ?? 0) * 60 + (min ?? 0)) / 1440, numFmt: TIME_FORMAT };
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Export';
}

/** The workbook of a readable table as XLSX bytes. */
export async function toXlsx(t: ReadableTable, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Digitafel';
  const sheet = book.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = t.columns.map((c, i) => ({ header: t.header[i], width: Math.max(c.width ?? 14, 8) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of t.rows) {
    const added = sheet.addRow(row.map((c) => xlsxValue(c).value));
    row.forEach((c, i) => {
      const { numFmt } = xlsxValue(c);
      if (numFmt) added.getCell(i + 1).numFmt = numFmt;
    });
  }
  if (t.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
