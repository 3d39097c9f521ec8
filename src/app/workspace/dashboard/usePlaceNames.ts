// Place and partner ids to names, for the report tables.
import { allRecords } from '../reference/allRecords';
import { useLoad } from '../useLoad';

/** A map of the organisation's ids of `table` (places or partners) to their names. */
export function useNames(table: 'locations' | 'partners'): Map<string, string> {
  const list = useLoad(
    async () => ({ records: await allRecords<{ id: string; name?: string }>(table) }),
    [table],
  );
  return new Map((list.data?.records ?? []).map((p) => [p.id, p.name ?? '']));
}

/** A map of the organisation's place ids to their names. */
export function usePlaceNames(): Map<string, string> {
  return useNames('locations');
}
