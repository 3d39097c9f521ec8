// After each pull: keep on the phone a copy of every image the active fiches show, so a fiche
// reads the same offline, within FICHE_IMAGE_BUDGET_BYTES (fiches in the order they are listed,
// images in the order of their steps: a fiche's first images are kept before another's last);
// copies no fiche shows any more go. A failed fetch is tried again at the next sync: it never
// fails the sync, which is about records.
import type { DigitafelDb } from '../local/db';
import { setMeta } from '../local/meta';
import { FICHE_IMAGE_BUDGET_BYTES } from '../shared/fiches';
import { imageIds } from '../shared/markdown';
import type { ApiClient } from './api-client';

export interface FicheImageReport {
  fetched: number;
  removed: number;
  skipped: number;
}

/** The images the active fiches on this phone show, in order, each once. */
export async function wantedImages(
  db: DigitafelDb,
): Promise<Array<{ id: string; size: number; type: string }>> {
  const fiches = (await db.fiches.toArray()).filter((f) => !f.deleted && f.active !== false);
  const out = new Map<string, { id: string; size: number; type: string }>();
  for (const f of fiches) {
    const refs = new Map((f.images ?? []).map((i) => [i.id.toLowerCase(), i]));
    const bodies = Object.values(f.texts ?? {}).map((t) => t?.body ?? '');
    for (const id of bodies.flatMap(imageIds)) {
      const ref = refs.get(id);
      if (ref && !out.has(id)) out.set(id, { id, size: ref.size, type: ref.type });
    }
  }
  return [...out.values()];
}

/** Fetches the missing images and drops the unused ones. */
export async function keepFicheImages(
  db: DigitafelDb,
  api: Pick<ApiClient, 'ficheImage'>,
  budget = FICHE_IMAGE_BUDGET_BYTES,
): Promise<FicheImageReport> {
  const wanted = await wantedImages(db);
  const wantedIds = new Set(wanted.map((w) => w.id));
  // Keys only: reading the stored copies themselves would load every blob at each sync.
  const stored = await db.ficheImages.toCollection().primaryKeys();
  const unused = stored.filter((id) => !wantedIds.has(id));
  if (unused.length) await db.ficheImages.bulkDelete(unused);
  const have = new Set(stored.filter((id) => wantedIds.has(id)));
  let used = 0;
  let skipped = 0;
  let fetched = 0;
  for (const w of wanted) {
    const size = w.size; // checked by the server against the bytes it stored
    if (used + size > budget) {
      skipped++;
      if (have.has(w.id)) await db.ficheImages.delete(w.id);
      continue;
    }
    used += size;
    if (have.has(w.id)) continue;
    try {
      const blob = await api.ficheImage(w.id);
      await db.ficheImages.put({ id: w.id, type: w.type, size: blob.size, blob });
      fetched++;
    } catch {
      // Offline again, or the image was removed: the next sync tries again.
    }
  }
  await setMeta(db, 'ficheImagesSkipped', skipped);
  return { fetched, removed: unused.length, skipped };
}
