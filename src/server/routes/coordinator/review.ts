// GET /records/:table, GET /records/:table/:id, PATCH /records/:table/:id and
// POST /records/:table/review (bulk review state) and POST /records/:table (reference data,
// equipment and borrowers made online by a coordinator).
import type { FastifyInstance } from 'fastify';
import {
  bulkReview,
  createBody,
  createParams,
  recordParams,
  recordsQuery,
  reviewPatch,
  tableParams,
} from '../../../shared/review';
import { createRecord } from '../../coordinator/create';
import { parseOr400 } from '../../http/errors';
import { coordDb } from '../../coordinator/db';
import { listRecords } from '../../coordinator/records.query';
import { bulkReview as applyBulk, patchRecord, recordDetail } from '../../coordinator/review';
import type { Deps } from '../deps';
import { coordinator } from './guard';

/** Registers the review routes. */
export function reviewRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  const cdb = coordDb(db);
  app.get('/records/:table', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    const { table } = parseOr400(tableParams, request.params);
    return listRecords(cdb, auth.orgId, table, parseOr400(recordsQuery, request.query));
  });

  app.get('/records/:table/:id', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    const { table, id } = parseOr400(recordParams, request.params);
    return recordDetail(cdb, auth.orgId, table, id);
  });

  app.patch('/records/:table/:id', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    const { table, id } = parseOr400(recordParams, request.params);
    const record = await patchRecord(cdb, auth, table, id, parseOr400(reviewPatch, request.body));
    return { record };
  });

  app.post('/records/:table/review', { onRequest: authenticate }, async (request) => {
    const auth = coordinator(request);
    const { table } = parseOr400(tableParams, request.params);
    return applyBulk(cdb, auth, table, parseOr400(bulkReview, request.body));
  });

  app.post('/records/:table', { onRequest: authenticate }, async (request, reply) => {
    const auth = coordinator(request);
    const { table } = parseOr400(createParams, request.params);
    const { record } = parseOr400(createBody, request.body);
    return reply.code(201).send({ record: await createRecord(cdb, auth, table, record) });
  });
}
