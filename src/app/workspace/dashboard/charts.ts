// Turns a report summary into chart series: weeks x topics, topics x outcomes, reach. Keys
// become labels in the coordinator's language (topics, outcomes, age bands...).
import { getLanguage, label, type EnumPrefix } from '../../../shared/i18n';
import type { Breakdown } from '../../../shared/report';
import type { ReportSummary } from '../../../shared/report-summary';
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

/**
 * A count of a nested breakdown, null when the report leaves it out: a cell of a two-way table
 * is absent when it is 0 and when it is hidden, and the report does not say which (so "–" in
 * the table, never a 0 that may be false).
 */
function cell(b: Breakdown | undefined, key: string): number | null {
  return b?.[key] ?? null;
}

/** The Monday of an ISO week ("2026-W47"), as YYYY-MM-DD. */
export function weekMonday(week: string): string {
  const [year = 1970, w = 1] = week.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  jan4.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
  return jan4.toISOString().slice(0, 10);
}

/** A week as people read it: the day it starts, "16 Nov" (the table's heading says "Week of"). */
export function weekLabel(week: string): string {
  const locale = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' }[getLanguage()];
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${weekMonday(week)}T00:00:00Z`),
  );
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
  return { labels: weeks.map(weekLabel), series };
}

/** Help requests per week, one series (when the weeks by topic are too small to show). */
export function weekSeries(r: ReportSummary): { labels: string[]; series: Series[] } {
  const weeks = Object.keys(r.byWeek).sort();
  return {
    labels: weeks.map(weekLabel),
    series: [{ label: ct('dashboard.total'), values: weeks.map((w) => r.byWeek[w] ?? null) }],
  };
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

/**
 * A breakdown as table rows, largest first, at most `max` rows: the rest add up into one
 * "Other (n)" row (every figure of a breakdown is shown, so their sum is too). Keeps the printed
 * report on one page however many partners or services a project has.
 */
export function topRows(
  b: Breakdown,
  name: (key: string) => string,
  max = 6,
): { labels: string[]; values: number[] } {
  const keys = Object.keys(b).sort((x, y) => (b[y] ?? 0) - (b[x] ?? 0) || name(x).localeCompare(name(y)));
  const head = keys.length > max ? keys.slice(0, max - 1) : keys;
  const rest = keys.slice(head.length);
  const labels = head.map(name);
  const values = head.map((k) => b[k] ?? 0);
  if (rest.length > 0) {
    labels.push(ct('report.other', { n: rest.length }));
    values.push(rest.reduce((sum, k) => sum + (b[k] ?? 0), 0));
  }
  return { labels, values };
}
