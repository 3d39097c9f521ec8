// Turns a report summary into chart series: weeks x topics, topics x outcomes, reach. Keys
// become labels in the coordinator's language (topics, outcomes, age bands...).
import { label, type EnumPrefix } from '../../../shared/i18n';
import type { Breakdown, ReportSummary } from '../../../shared/report';
import { ct } from '../i18n';
import type { Series } from './ChartBox';

/** The label of a breakdown key; "unknown" is what the server counts for a field left empty. */
export function keyLabel(prefix: EnumPrefix, key: string): string {
  return key === 'unknown' ? ct('chart.unknown') : label(prefix, key);
}

/** The keys of nested breakdowns, sorted. */
function innerKeys(m: Record<string, Breakdown>): string[] {
  return [...new Set(Object.values(m).flatMap((b) => Object.keys(b)))].sort();
}

/** A count of a nested breakdown: absent is 0, null stays null ("fewer than 5", hidden). */
function cell(b: Breakdown | undefined, key: string): number | null {
  const v = b?.[key];
  return v === undefined ? 0 : v;
}

/** A topic key's name (built-in or the organisation's own, see ../topicNames.ts). */
type TopicName = (key: string) => string;
const builtinTopicName: TopicName = (key) => keyLabel('topic', key);

/** Weeks on the x axis, one series per topic. */
export function weekTopicSeries(
  r: ReportSummary,
  topicName: TopicName = builtinTopicName,
): { labels: string[]; series: Series[] } {
  const weeks = Object.keys(r.byWeekTopic).sort();
  const series = innerKeys(r.byWeekTopic).map((topic) => ({
    label: topicName(topic),
    values: weeks.map((w) => cell(r.byWeekTopic[w], topic)),
  }));
  return { labels: weeks, series };
}

/** Topics on the x axis, one series per outcome. */
export function topicOutcomeSeries(
  r: ReportSummary,
  topicName: TopicName = builtinTopicName,
): { labels: string[]; series: Series[] } {
  const topics = Object.keys(r.byTopicOutcome).sort();
  const series = innerKeys(r.byTopicOutcome).map((outcome) => ({
    label: keyLabel('outcome', outcome),
    values: topics.map((t) => cell(r.byTopicOutcome[t], outcome)),
  }));
  return { labels: topics.map((t) => topicName(t)), series };
}

/** One breakdown as a single series. */
export function single(
  name: string,
  prefix: EnumPrefix,
  b: Breakdown,
): { labels: string[]; series: Series[] } {
  const keys = Object.keys(b).sort();
  return {
    labels: keys.map((k) => keyLabel(prefix, k)),
    series: [{ label: name, values: keys.map((k) => b[k] ?? null) }],
  };
}
