// The API reference of fiche-images.ts.
import { z } from '../../shared/zod';
import { ficheImageParams, ficheImageResponse, ficheImageUpload } from '../../shared/fiches';
import { SIGNED_IN, STAFF, type RouteDocs } from '../openapi/describe';

const tag = 'Fiches';

export const ficheImageDocs: RouteDocs = {
  'POST /fiche-images': {
    tag,
    summary: 'Upload an image for a fiche',
    description:
      'A PNG, JPEG or WebP of at most 400 KB, in base64. The first bytes must be those of the declared ' +
      'type (`image_type_mismatch` otherwise); SVG and anything else is refused. The answer is the ' +
      'reference to put in the fiche record’s `images` and, as `![words](image:<id>)`, in its text. ' +
      'Fiches themselves are records of the `fiches` table (POST/PATCH /records/fiches, pulled by ' +
      'every phone like places and topics).',
    access: STAFF,
    body: ficheImageUpload,
    responses: { 201: { description: 'The stored image.', body: ficheImageResponse } },
  },
  'GET /fiche-images/:id': {
    tag,
    summary: 'The bytes of a fiche image',
    description:
      'Served with its stored type, `X-Content-Type-Options: nosniff` and a CSP that runs nothing. ' +
      'Phones fetch the images of the fiches they hold after a pull and keep them offline.',
    access: SIGNED_IN,
    params: ficheImageParams,
    responses: {
      200: { description: 'The image.', body: z.string(), contentType: 'image/png' },
    },
    errors: { 404: '`not_found`: no image with this id in the caller’s organisation.' },
  },
};
