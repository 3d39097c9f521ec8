// Equipment, loans and borrowers of the organisation for the equipment screens (one page of
// up to 500 each: enough for a neighbourhood's stock).
import { call } from '../api';
import { useLoad } from '../useLoad';

export type Rec = Record<string, unknown> & { id: string };
interface Page {
  records: Rec[];
}

const all = (table: string) =>
  call<Page>('GET', `/records/${table}`, { query: { limit: 500 } }).then((p) => p.records);

/** Loads equipment, loans and borrowers together. */
export function useInventory() {
  return useLoad(async () => {
    const [equipment, loans, borrowers] = await Promise.all([
      all('equipment'),
      all('loans'),
      all('borrowers'),
    ]);
    return { equipment, loans, borrowers };
  }, []);
}
