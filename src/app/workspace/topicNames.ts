// The organisation's own topic names for the coordinator screens that show topic keys (inbox,
// filters, charts): loaded once per screen from GET /records/topics. Built-in topics keep
// their catalogue names; until the list arrives (or if it cannot load) own topics show their key.
import { topicLabel, type TopicNames } from '../../shared/i18n';
import { BUILTIN_TOPICS } from '../../shared/topics';
import { allRecords, type Ref } from './reference/allRecords';
import { useLoad } from './useLoad';

interface TopicRecord {
  key: string;
  labels?: TopicNames;
  active?: boolean;
}

export interface TopicNaming {
  /** The name of a topic key in the coordinator's language. */
  name: (key: string) => string;
  /** The organisation's own topic keys (switched-off ones included), sorted. */
  ownKeys: string[];
}

/** Loads the organisation's topics and names topic keys with them. */
export function useTopicNames(): TopicNaming {
  const topics = useLoad(async () => ({ records: await allRecords<Ref & TopicRecord>('topics') }), []);
  const records = topics.data?.records ?? [];
  const own = new Map(records.map((r) => [r.key, r.labels]));
  const builtin = new Set<string>(BUILTIN_TOPICS);
  return {
    name: (key) => topicLabel(key, own),
    ownKeys: records
      .map((r) => r.key)
      .filter((k) => !builtin.has(k))
      .sort(),
  };
}
