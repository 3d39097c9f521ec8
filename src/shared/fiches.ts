// The API of fiche images (POST /fiche-images, GET /fiche-images/:id) and the checks both ends
// share: an image is a PNG, JPEG or WebP whose first bytes say so, and at most
// FICHE_IMAGE_MAX_BYTES. The phone keeps the images of the fiches it holds within
// FICHE_IMAGE_BUDGET_BYTES (src/sync/fiche-images.ts).
import { z } from './zod';
import { FICHE_IMAGE_MAX_BYTES, FICHE_IMAGE_TYPES, uuid } from './records';

export type FicheImageType = (typeof FICHE_IMAGE_TYPES)[number];

/** What a phone keeps for the images of its fiches, at most. */
export const FICHE_IMAGE_BUDGET_BYTES = 20 * 1024 * 1024;

/** The base64 length of FICHE_IMAGE_MAX_BYTES bytes. */
const MAX_BASE64 = Math.ceil(FICHE_IMAGE_MAX_BYTES / 3) * 4;

export const ficheImageUpload = z.strictObject({
  type: z.enum(FICHE_IMAGE_TYPES),
  /** The image's bytes in base64. */
  data: z
    .string()
    .max(MAX_BASE64, 'image_too_large')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'invalid_base64'),
});
export type FicheImageUpload = z.infer<typeof ficheImageUpload>;

export const ficheImageRef = z.strictObject({
  id: uuid,
  type: z.enum(FICHE_IMAGE_TYPES),
  size: z.number().int().min(1).max(FICHE_IMAGE_MAX_BYTES),
});
export type FicheImageRef = z.infer<typeof ficheImageRef>;
export const ficheImageResponse = z.strictObject({ image: ficheImageRef });
export const ficheImageParams = z.strictObject({ id: uuid });

/** The image type the first bytes show, if it is one a fiche may hold. */
export function sniffImageType(bytes: Uint8Array): FicheImageType | undefined {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return undefined;
}
