// Which forms hold unsaved input. The update prompt (ReloadPrompt) is held back while any form
// is dirty, so accepting a new version never throws away what a volunteer is typing.
import { useEffect, useState } from 'preact/hooks';

const dirty = new Set<symbol>();
const listeners = new Set<() => void>();

function emit(): void {
  for (const cb of listeners) cb();
}

/** Marks the form `key` dirty or clean. */
export function setDirty(key: symbol, flag: boolean): void {
  const had = dirty.has(key);
  if (flag) dirty.add(key);
  else dirty.delete(key);
  if (had !== flag) emit();
}

/** Whether any form holds unsaved input. */
export function isAnyDirty(): boolean {
  return dirty.size > 0;
}

/** Calls `cb` when the dirty state changes; returns an unsubscribe. */
export function onDirtyChange(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** Registers the calling form as dirty while `flag` is true (cleared on unmount). */
export function useDirty(flag: boolean): void {
  const [key] = useState(() => Symbol('form'));
  useEffect(() => setDirty(key, flag), [key, flag]);
  useEffect(() => () => setDirty(key, false), [key]);
}

/** Re-renders when the dirty state changes and returns whether any form is dirty. */
export function useAnyDirty(): boolean {
  const [any, setAny] = useState(isAnyDirty());
  useEffect(() => onDirtyChange(() => setAny(isAnyDirty())), []);
  return any;
}
