// GET /reports/summary and GET /export/:table.(csv|xlsx).
import type { FastifyInstance } from 'fastify';
import { preferredLanguage } from '../../../shared/i18n';
import { tableName } from '../../../shared/records';
import { reportQuery } from '../../../shared/report';
import { exportParams, exportQuery } from '../../../shared/review';
import { recordSecurityEvent } from '../../db/security-events.repository';
import { HttpError, parseOr400 } from '../../http/errors';
import { coordDb } from '../../coordinator/db';
import { acceptedLanguages, buildExport } from '../../coordinator/export-file';
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
    const [base = '', ext] = file.split('.') as [string, 'csv' | 'xlsx'];
    const table = tableName.safeParse(base);
    if (!table.success) throw new HttpError(404, 'not_found', `no table named ${file}`);
    const period = parseOr400(exportQuery, request.query);
    const format = period.format ?? 'readable';
    if (format === 'raw' && ext === 'xlsx') {
      throw new HttpError(400, 'validation_failed', 'the raw export is CSV only', [
        { code: 'custom', path: ['format'], message: 'use <table>.csv for format=raw' },
      ]);
    }
    const lang = period.lang ?? preferredLanguage(acceptedLanguages(request.headers['accept-language']));
    const file_ = await buildExport(cdb, auth.orgId, table.data, period, { format, ext, lang });
    await recordSecurityEvent(db, {
      orgId: auth.orgId,
      kind: 'export',
      actorId: auth.userId,
      details: {
        table: table.data,
        format: format === 'raw' ? 'raw_csv' : ext,
        from: period.from ?? null,
        to: period.to ?? null,
      },
    });
    return reply
      .header('content-type', file_.contentType)
      .header('content-disposition', file_.disposition)
      .header('cache-control', 'no-store')
      .send(file_.body);
  });
}
