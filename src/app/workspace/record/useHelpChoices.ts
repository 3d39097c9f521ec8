// The help form's choices in the workspace: the organisation's topics, places and partners from
// the server (the phone takes them from its local store: src/app/help/useHelpChoices.ts).
import type { TopicNames } from '../../../shared/i18n';
import { topicOptions, type HelpChoices } from '../../help/choices';
import { listAll } from '../api';
import { useLoad } from '../useLoad';

interface Named {
  id: string;
  name: string;
  active?: boolean;
}

/** Active topics, places and partners, plus the ones the record still uses (`keep`: ids and topic keys). */
export function useServerHelpChoices(keep: ReadonlySet<string>): HelpChoices | undefined {
  const lists = useLoad(
    () =>
      Promise.all([
        listAll<{ key: string; labels?: TopicNames; active?: boolean }>('topics'),
        listAll<Named>('locations'),
        listAll<Named>('partners'),
      ]),
    [],
  );
  if (!lists.data) return undefined;
  const [topics, locations, partners] = lists.data;
  const usable = (r: Named) => r.active !== false || keep.has(r.id);
  const byName = (a: Named, b: Named) => a.name.localeCompare(b.name);
  return {
    topics: topicOptions(topics.filter((tp) => tp.active !== false || keep.has(tp.key))),
    locations: locations.filter(usable).sort(byName),
    partners: partners.filter(usable).sort(byName),
  };
}
