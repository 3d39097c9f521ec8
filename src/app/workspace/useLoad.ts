// Loads data for a coordinator screen and re-loads on demand, with loading and error states.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { messageOf } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  /** The thrown error itself (an ApiError carries the server's issues). */
  failure: unknown;
  reload: () => void;
}

/** Runs `load` when `deps` change; `reload()` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [failure, setFailure] = useState<unknown>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setFailure(undefined);
    load()
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setFailure(e ?? new Error('failed')));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const error = failure === undefined ? undefined : messageOf(failure);
  return { data, error, failure, reload };
}
