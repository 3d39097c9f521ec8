// A list the server pages with a cursor (equipment, loans, overwritten values): the first page
// loads when the filters change, "show more" appends the next one, so a long list is read to
// its end instead of stopping at a fixed cap. Answers to an older filter are dropped.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './api';

export interface Page<T, M> {
  items: T[];
  cursor: string | null;
  /** What the server says about the whole list (totals, counts), from the latest page. */
  meta: M;
}

export interface Paged<T, M> {
  items: T[] | undefined;
  meta: M | undefined;
  hasMore: boolean;
  /** The next page's cursor (null at the end). */
  cursor: string | null;
  /** The first page of the current filters is on its way. */
  loading: boolean;
  /** A next page is on its way. */
  loadingMore: boolean;
  error: string | undefined;
  /** The thrown error itself (an ApiError carries the server's issues). */
  failure: unknown;
  more: () => void;
  reload: () => void;
}

/** Pages of `load(cursor)` for the current `deps` (the filters). */
export function usePaged<T, M>(load: (cursor?: string) => Promise<Page<T, M>>, deps: unknown[]): Paged<T, M> {
  const [state, setState] = useState<{ items: T[]; cursor: string | null; meta: M }>();
  const [failure, setFailure] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    setFailure(undefined);
    load()
      .then((p) => gen === generation.current && setState({ items: p.items, cursor: p.cursor, meta: p.meta }))
      .catch((e: unknown) => gen === generation.current && setFailure(e ?? new Error('failed')))
      .finally(() => gen === generation.current && setLoading(false));
  }, [...deps, tick]);
  const more = () => {
    const cursor = state?.cursor;
    if (!cursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    load(cursor)
      .then(
        (p) =>
          gen === generation.current &&
          setState((s) => ({ items: [...(s?.items ?? []), ...p.items], cursor: p.cursor, meta: p.meta })),
      )
      .catch((e: unknown) => gen === generation.current && setFailure(e ?? new Error('failed')))
      .finally(() => setLoadingMore(false));
  };
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return {
    items: state?.items,
    meta: state?.meta,
    hasMore: !!state?.cursor,
    cursor: state?.cursor ?? null,
    loading,
    loadingMore,
    error: failure === undefined ? undefined : messageOf(failure),
    failure,
    more,
    reload,
  };
}
