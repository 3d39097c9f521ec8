// The "Saved on this phone" confirmation after a save: the form records which record it saved,
// the next screen shows the notice and, live, whether the record has been sent since.
import type { OutboxTable } from '../../local';

export interface Saved {
  table: OutboxTable;
  id: string;
}

let last: Saved | undefined;

/** Remembers the record just saved, for the confirmation on the next screen. */
export function markSaved(saved: Saved): void {
  last = saved;
}

/** Takes (and clears) the record just saved. */
export function takeSaved(): Saved | undefined {
  const s = last;
  last = undefined;
  return s;
}
