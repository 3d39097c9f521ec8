// Location ids to names, for the report tables.
import { call } from '../api';
import { useLoad } from '../useLoad';

/** A map of the organisation's place ids to their names. */
export function usePlaceNames(): Map<string, string> {
  const places = useLoad(
    () =>
      call<{ records: Array<{ id: string; name?: string }> }>('GET', '/records/locations', {
        query: { limit: 500 },
      }),
    [],
  );
  return new Map((places.data?.records ?? []).map((p) => [p.id, p.name ?? p.id]));
}
