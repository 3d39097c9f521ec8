// Realistic help requests for the benchmarks: the fields a volunteer fills in on the form, with
// skewed distributions (a few topics and outcomes dominate, most requests at a handful of
// places, on weekdays during opening hours). Deterministic (seeded), so runs compare.
import { AGE_BANDS, CHANNELS, GENDERS, LANGUAGES, type HelpRequestInput } from '../../src/shared/records';
import type { Mutation } from '../../src/shared/sync-protocol';
import { BUILTIN_TOPICS } from '../../src/shared/topics';
import { newId } from '../../src/shared/ids';

/** A small fast PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from `items` with the given relative weights. */
function weighted<T>(items: readonly T[], weights: readonly number[]): (r: number) => T {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cumulative = weights.map((w) => (acc += w) / total);
  return (r) => items[cumulative.findIndex((c) => r < c)] ?? items[items.length - 1]!;
}

/** Places of the benchmark organisation (fixed ids, so the report groups them). */
export const BENCH_LOCATIONS = Array.from(
  { length: 8 },
  (_, i) => `0190a000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
);

const topic = weighted(BUILTIN_TOPICS, [20, 8, 14, 12, 6, 5, 6, 4, 7, 9, 5, 4, 3, 2, 4, 3]);
const outcome = weighted(['solved', 'partly', 'not_solved', 'referred'] as const, [62, 18, 8, 12]);
const channel = weighted(CHANNELS, [30, 45, 8, 12, 5]);
const place = weighted([...BENCH_LOCATIONS, null], [30, 20, 12, 10, 8, 6, 4, 2, 8]);
const age = weighted([...AGE_BANDS, null], [2, 6, 12, 16, 18, 20, 14, 12]);
const gender = weighted([...GENDERS, null], [48, 36, 1, 5, 10]);
const language = weighted([...LANGUAGES, null], [45, 25, 4, 12, 6, 3, 5]);
const topicCount = weighted([1, 2, 3], [70, 24, 6]);

/** The instant of a request `daysBack` days before `end`, on a weekday between 9:00 and 17:00. */
function instant(r: () => number, end: number, spanDays: number): string {
  for (;;) {
    const day = Math.floor(r() * spanDays);
    const d = new Date(end - day * 86_400_000);
    const wd = d.getUTCDay();
    if ((wd === 0 || (wd === 6 && r() < 0.8)) && spanDays > 7) continue; // few on weekends
    d.setUTCHours(8 + Math.floor(r() * 8), Math.floor(r() * 60), Math.floor(r() * 60), 0);
    if (d.getTime() > end) d.setTime(end - Math.floor(r() * 3_600_000));
    return d.toISOString();
  }
}

export interface HelpOptions {
  /** Requests are spread over this many days before `end` (default 20: all within a
   * volunteer's 30-day pull window and the phone's purge limit). */
  spanDays?: number;
  end?: number;
  seed?: number;
}

/** `n` help request inputs (with ids), as the form would save them. */
export function helpRequests(n: number, opts: HelpOptions = {}): HelpRequestInput[] {
  const r = rng(opts.seed ?? 42);
  const end = opts.end ?? Date.now() - 60_000;
  const spanDays = opts.spanDays ?? 20;
  const out: HelpRequestInput[] = [];
  for (let i = 0; i < n; i++) out.push(helpRequest(r, end, spanDays));
  return out;
}

/** One help request from the generator `r`. */
export function helpRequest(r: () => number, end: number, spanDays: number): HelpRequestInput {
  return helpRequestAt(r, instant(r, end, spanDays));
}

/** One help request that occurred at `occurredAt`. */
export function helpRequestAt(r: () => number, occurredAt: string): HelpRequestInput {
  const topics = new Set<string>();
  const k = topicCount(r());
  while (topics.size < k) topics.add(topic(r()));
  const rec: HelpRequestInput = {
    id: newId(),
    occurredAt,
    channel: channel(r()),
    locationId: place(r()),
    topics: [...topics],
    outcome: outcome(r()),
    durationBand: r() < 0.5 ? '15_30' : 'le15',
    ageBand: age(r()),
    gender: gender(r()),
    language: language(r()),
    followUpNeeded: r() < 0.1,
  };
  if (r() < 0.15) rec.note = 'Helped with the login; will come back next week with the letter.';
  return rec;
}

/**
 * `n` help requests that occurred one after the other from `start` over `spanMs` (a little
 * random jitter that keeps the order), as phones that sync soon after push them.
 */
export function helpRequestsAfter(n: number, start: number, spanMs: number, seed = 11): HelpRequestInput[] {
  const r = rng(seed);
  const step = spanMs / n;
  const out: HelpRequestInput[] = [];
  for (let i = 0; i < n; i++) {
    const at = Math.floor(start + i * step + r() * step * 0.9);
    out.push(helpRequestAt(r, new Date(at).toISOString()));
  }
  return out;
}

/** Upsert mutations of new records, numbered from `firstMutationId`. */
export function upserts(records: HelpRequestInput[], firstMutationId: number): Mutation[] {
  return records.map((record, i) => ({
    mutationId: firstMutationId + i,
    table: 'help_requests',
    op: 'upsert',
    id: record.id,
    baseVersion: null,
    record,
  }));
}

/**
 * `n` help requests over the `weeks` weeks before `end`, in the order they happened (weekdays,
 * 9:00 to 17:00 UTC+1), as a server receives them when phones sync soon after: yielded in
 * chunks so a million never sit in memory at once.
 */
export function* helpRequestsInOrder(
  n: number,
  weeks: number,
  end: number,
  chunk = 10_000,
  seed = 7,
): Generator<HelpRequestInput[]> {
  const r = rng(seed);
  const minutesPerDay = 8 * 60;
  const workMinutes = weeks * 5 * minutesPerDay;
  // The Monday 00:00 UTC `weeks` weeks before the week of `end`.
  const e = new Date(end);
  const monday = Date.UTC(e.getUTCFullYear(), e.getUTCMonth(), e.getUTCDate() - ((e.getUTCDay() + 6) % 7));
  const start = monday - weeks * 7 * 86_400_000;
  let out: HelpRequestInput[] = [];
  for (let i = 0; i < n; i++) {
    const minute = Math.floor((i / n) * workMinutes);
    const day = Math.floor(minute / minutesPerDay);
    const week = Math.floor(day / 5);
    const at =
      start +
      (week * 7 + (day % 5)) * 86_400_000 +
      (8 * 60 + (minute % minutesPerDay)) * 60_000 +
      Math.floor(r() * 60_000);
    out.push(helpRequestAt(r, new Date(at).toISOString()));
    if (out.length === chunk) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}
