// The API reference of reports.ts.
import { z } from '../../../shared/zod';
import { reportQuery } from '../../../shared/report';
import { reportSummary } from '../../../shared/report-summary';
import { exportParams, exportQuery } from '../../../shared/review';
import { STAFF, type RouteDocs } from '../../openapi/describe';

const tag = 'Reports';

export const reportDocs: RouteDocs = {
  'GET /reports/summary': {
    tag,
    summary: 'Counts of a period for charts and the funder report',
    description:
      '`from` and `to` are Brussels calendar days, both included; weeks are ISO weeks (`2026-W47`). ' +
      'Counts of people (help requests, visitors, turned away, people reached, every group of a breakdown) ' +
      'follow one hiding rule: 1 to 4 is never shown (a single figure is `null`, a group is left out, so ' +
      'hidden keys are not listed); no breakdown, and no row or column of `byWeekTopic`/`byTopicOutcome`, ' +
      'has exactly one hidden group (the smallest shown one is hidden with it); shares and people reached ' +
      'are given only when every count they come from is shown. Equipment (`loans`), sessions and hours ' +
      'are not people and are exact. ' +
      'Help requests are counted from a rollup per Brussels day ' +
      'that every instance brings up to date each minute (a report asked before that catches up first).',
    access: STAFF,
    query: reportQuery,
    responses: { 200: { description: 'The figures.', body: reportSummary } },
  },
  'GET /export/:file': {
    tag,
    summary: 'One table for a spreadsheet: `/export/help_requests.xlsx` or `.csv`',
    description:
      '`file` is `<table>.csv` or `<table>.xlsx`. Tombstones are left out; `from` and `to` filter on the ' +
      'table’s time as in `GET /records/{table}`, oldest first.\n\n' +
      '`format=readable` (the default) is for people: headers and values in `lang` (default: the best ' +
      'match of `Accept-Language`, else English), names instead of ids (volunteer, place, partner, asset ' +
      'tag, topic), words for choices, yes/no, lists as text, every instant as a Brussels date ' +
      '(`2026-11-23`) and time (`10:05`) in their own columns, and no ids or server bookkeeping. As XLSX ' +
      '(`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`) dates and times are date ' +
      'cells and numbers are numbers; text is never a formula. As CSV: UTF-8 with a byte-order mark, ' +
      '`;` separated, decimals with the language’s mark.\n\n' +
      '`format=raw` (CSV only) is for joining tables: server columns first (`id`, `version`, ' +
      '`receivedAt`, `createdBy`, `reviewState`, `reviewComment`), then the table’s fields in schema ' +
      'order, with keys, ids and ISO instants.\n\n' +
      'Every CSV field holding `;`, `,`, a tab, `"` or a line break is quoted (RFC 4180), so a ' +
      'spreadsheet with another list separator still reads one field; a field that starts like a formula ' +
      '(`=`, `+`, `-`, `@`, a tab or line break, but not a plain number) gets a leading apostrophe.',
    access: STAFF,
    params: exportParams,
    query: exportQuery,
    responses: {
      200: {
        description:
          'The file (`content-disposition: attachment`, with a `filename*` in the chosen language for ' +
          'the readable export); XLSX when `file` ends in `.xlsx`.',
        contentType: 'text/csv; charset=utf-8',
        body: z.string(),
      },
    },
    errors: {
      400: '`validation_failed`: also for `format=raw` with `.xlsx` (the raw export is CSV only).',
      404: '`not_found`: no table of that name.',
    },
  },
};
