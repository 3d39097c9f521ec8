// Live data for components: wraps Dexie's liveQuery so a screen re-renders when the records it
// read change (a save, a sync). The only UI module that imports Dexie; queries themselves are
// src/local functions.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest result of `query` (undefined until the first one), re-run when its data changes. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => setValue(() => v),
      error: (err: unknown) => console.error('live query failed', err),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
