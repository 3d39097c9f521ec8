// Form state that survives the tab being killed: every change is kept as a draft in IndexedDB
// (src/local/drafts.ts) as it is typed, and a form opened again starts from it, saying so ("Restored what you
// typed before", with "Start over"). The form calls `done()` once its record is saved.
import { useEffect, useRef, useState } from 'preact/hooks';
import { clearDraft, loadDraft, saveDraft } from '../../local/drafts';

export interface DraftState<T> {
  value: T;
  update(patch: Partial<T>): void;
  /** Whether the form started from a kept draft. */
  restored: boolean;
  /** Whether anything was typed (or restored) since the form opened. */
  touched: boolean;
  /** Throws the draft away and starts from `initial` again. */
  discard(): Promise<void>;
  /** The record is saved: forget the draft. */
  done(): Promise<void>;
}

/** The state of form `form` (e.g. `lend:<equipmentId>`), starting from its draft when one is kept. */
export function useDraftState<T extends object>(form: string, initial: T): DraftState<T> {
  const [value, setValue] = useState<T>(initial);
  const [touched, setTouched] = useState(false);
  const [restored, setRestored] = useState(false);
  const typed = useRef(false);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    let live = true;
    void loadDraft<Partial<T>>(form).then((kept) => {
      // Input typed while the draft loaded wins over the draft.
      if (!live || !kept || typed.current) return;
      setValue({ ...initial, ...kept });
      setTouched(true);
      setRestored(true);
    });
    return () => {
      live = false;
    };
  }, [form]);

  return {
    value,
    touched,
    restored,
    update(patch) {
      typed.current = true;
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setValue(next);
      setTouched(true);
      // Kept at once, in the order typed (a later discard or done() clears it for good).
      void saveDraft(form, next).catch(() => undefined);
    },
    async discard() {
      setTouched(false);
      setRestored(false);
      setValue(initial);
      await clearDraft(form);
    },
    async done() {
      setTouched(false);
      await clearDraft(form);
    },
  };
}
