// What the help form offers to choose from: topics (common first, then the rest and the
// organisation's own), places and referral partners. Pure, so the phone (from its local store,
// useHelpChoices.ts) and the coordinator workspace (from the server) fill the same form.
import { BUILTIN_TOPICS, COMMON_TOPICS } from '../../shared/topics';
import { label, topicLabel, type TopicNames } from '../../shared/i18n';
import type { ChipOption } from '../ui/ChipGroup';

export interface HelpChoices {
  topics: { common: ChipOption[]; all: ChipOption[] };
  locations: ReadonlyArray<{ id: string; name: string }>;
  partners: ReadonlyArray<{ id: string; name: string }>;
}

/** Built-in topics (common first) plus the organisation's own (`orgTopics`), labelled. */
export function topicOptions(orgTopics: ReadonlyArray<{ key: string; labels?: TopicNames | undefined }>) {
  const names = new Map(orgTopics.map((tp) => [tp.key, tp.labels]));
  const common = COMMON_TOPICS.map((k) => ({ value: k, label: label('topic', k) }));
  const rest = BUILTIN_TOPICS.filter((k) => !COMMON_TOPICS.includes(k)).map((k) => ({
    value: k,
    label: label('topic', k),
  }));
  const builtin = new Set<string>(BUILTIN_TOPICS);
  const own = orgTopics
    .filter((tp) => !builtin.has(tp.key))
    .map((tp) => ({ value: tp.key, label: topicLabel(tp.key, names) }));
  return { common, all: [...common, ...rest, ...own] };
}
