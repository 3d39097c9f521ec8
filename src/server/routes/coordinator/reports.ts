// GET /reports/summary and GET /export/:table.csv.
import type { FastifyInstance } from 'fastify';
import { tableName } from '../../../shared/records';
import { reportQuery } from '../../../shared/report';
import { exportParams, exportQuery } from '../../../shared/review';
import { HttpError, parseOr400 } from '../../http/errors';
import { coordDb } from '../../coordinator/db';
import { exportCsv } from '../../coordinator/export';
import { reportSummary } from '../../coordinator/report-summary';
import type { Deps } from '../deps';
import { coordinator } from './guard';

/** Registers the report and export routes. */
export function reportRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  const cdb = coordDb(db);
  app.get('/reports/summary', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    return reportSummary(cdb, auth.orgId, parseOr400(reportQuery, request.query));
  });

  app.get('/export/:file', { onRequest: authenticate }, async (request, reply) => {
    const auth = coordinator(request);
    const { file } = parseOr400(exportParams, request.params);
    const table = tableName.safeParse(file.slice(0, -'.csv'.length));
    if (!table.success) throw new HttpError(404, 'not_found', `no table named ${file}`);
    const period = parseOr400(exportQuery, request.query);
    const csv = await exportCsv(cdb, auth.orgId, table.data, period);
    const name = `${table.data}${period.from ? `_${period.from.slice(0, 10)}` : ''}${period.to ? `_${period.to.slice(0, 10)}` : ''}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
