// Unsaved form input, kept so a tab the phone killed mid-form (a call came in, the browser
// reclaimed memory) reopens with what was typed. Drafts live in `meta` (not the outbox: they
// are not records and never leave the phone), one per form, forgotten after a day, on save, and
// at every sign-out (src/sync/session.ts).
import { getDb, getMeta, setMeta } from './meta';

/** How long a draft is offered again. */
export const DRAFT_MAX_AGE_MS = 24 * 3_600_000;

/** Stores the input of `form` (e.g. `help:new`, `help:<id>`, `lend:<equipmentId>`). */
export async function saveDraft(form: string, value: unknown): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.meta, async () => {
    const drafts = (await getMeta(db, 'drafts')) ?? {};
    await setMeta(db, 'drafts', { ...drafts, [form]: { at: new Date().toISOString(), value } });
  });
}

/** The stored input of `form`, unless older than a day. */
export async function loadDraft<T>(form: string, now = Date.now()): Promise<T | undefined> {
  const draft = (await getMeta(getDb(), 'drafts'))?.[form];
  if (!draft || now - Date.parse(draft.at) > DRAFT_MAX_AGE_MS) return undefined;
  return draft.value as T;
}

/** Forgets the input of `form` (saved, or discarded). */
export async function clearDraft(form: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.meta, async () => {
    const drafts = (await getMeta(db, 'drafts')) ?? {};
    if (!(form in drafts)) return;
    const { [form]: _gone, ...rest } = drafts;
    await setMeta(db, 'drafts', rest);
  });
}
