// Fiches on the phone: the pulled fiche records and the copies of their images (kept by
// src/sync/fiche-images.ts after each sync), and what they take of the storage budget.
import { FICHE_IMAGE_BUDGET_BYTES } from '../shared/fiches';
import type { LocalFiche, LocalFicheImage } from './db';
import { getDb, getMeta } from './meta';

/** Every fiche record on the phone that is not deleted. */
export async function listFicheRecords(): Promise<LocalFiche[]> {
  return (await getDb().fiches.toArray()).filter((f) => !f.deleted);
}

/** The kept copies of some fiche images, by id (missing ones left out). */
export async function ficheImages(ids: string[]): Promise<Map<string, LocalFicheImage>> {
  const rows = await getDb().ficheImages.bulkGet(ids);
  return new Map(rows.filter((r): r is LocalFicheImage => !!r).map((r) => [r.id, r]));
}

export interface FicheStorage {
  fiches: number;
  /** Bytes the kept images take. */
  imageBytes: number;
  budget: number;
  /** Images not kept at the last sync: over the budget. */
  skipped: number;
}

/** The fiches and image copies on this phone, for Settings. */
export async function ficheStorage(): Promise<FicheStorage> {
  const db = getDb();
  const fiches = (await db.fiches.toArray()).filter((f) => !f.deleted && f.active !== false).length;
  let imageBytes = 0;
  await db.ficheImages.each((i) => {
    imageBytes += i.size;
  });
  const skipped = (await getMeta(db, 'ficheImagesSkipped')) ?? 0;
  return { fiches, imageBytes, budget: FICHE_IMAGE_BUDGET_BYTES, skipped };
}
