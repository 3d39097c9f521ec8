// POST /fiche-images (coordinators: an image for a fiche) and GET /fiche-images/:id (every
// signed-in caller of the organisation: phones fetch the images of the fiches they pull and
// keep them offline). Only PNG, JPEG and WebP whose bytes match the declared type, at most
// 400 KB; served with their type, nosniff, and a CSP that lets the answer run nothing.
import type { FastifyInstance } from 'fastify';
import { ficheImageParams, ficheImageUpload, sniffImageType, type FicheImageRef } from '../../shared/fiches';
import { FICHE_IMAGE_MAX_BYTES } from '../../shared/records';
import { newId } from '../../shared/ids';
import { requireRole } from '../http/auth';
import { HttpError, parseOr400 } from '../http/errors';
import { coordinator } from './coordinator/guard';
import type { Deps } from './deps';

const invalid = (message: string) =>
  new HttpError(400, 'validation_failed', message, [{ code: 'custom', path: ['data'], message }]);

/** Registers the fiche image routes. */
export function ficheImageRoutes(app: FastifyInstance, { db, authenticate }: Deps): void {
  app.post('/fiche-images', { onRequest: authenticate }, async (request, reply) => {
    const auth = coordinator(request);
    const body = parseOr400(ficheImageUpload, request.body);
    const bytes = Buffer.from(body.data, 'base64');
    if (bytes.length === 0) throw invalid('image_empty');
    if (bytes.length > FICHE_IMAGE_MAX_BYTES) throw invalid('image_too_large');
    if (sniffImageType(bytes) !== body.type) throw invalid('image_type_mismatch');
    const image: FicheImageRef = { id: newId(), type: body.type, size: bytes.length };
    await db
      .insertInto('fiche_images')
      .values({
        org_id: auth.orgId,
        id: image.id,
        content_type: image.type,
        size: image.size,
        bytes: bytes.toString('base64'),
        created_by: auth.userId,
        created_at: new Date().toISOString(),
      })
      .execute();
    return reply.code(201).send({ image });
  });

  app.get('/fiche-images/:id', { onRequest: authenticate }, async (request, reply) => {
    const auth = requireRole(request);
    const { id } = parseOr400(ficheImageParams, request.params);
    const row = await db
      .selectFrom('fiche_images')
      .select(['content_type', 'bytes'])
      .where('org_id', '=', auth.orgId)
      .where('id', '=', id.toLowerCase())
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'not_found', 'no such image');
    return reply
      .header('content-type', row.content_type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', 'inline')
      .send(Buffer.from(row.bytes, 'base64'));
  });
}
