// Shared result shape, statistics and table printing for the benchmarks.

/** One measured figure: repetitions summarised by median, min and max. */
export interface BenchRow {
  group: string;
  figure: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** A budget to compare with, and whether lower or higher is better. */
  budget?: { value: number; better: 'lower' | 'higher' };
  note?: string;
  /** A stable key other rows refer to (ratios computed across benchmarks in run.ts). */
  key?: string;
  /** Extra measured values for the JSON (request counts, memory, the raw samples). */
  extra?: Record<string, number | string>;
}

/** What run.ts hands every benchmark module. */
export interface BenchContext {
  /** BENCH_QUICK=1: smaller counts and fewer repetitions, for trying a change. */
  quick: boolean;
  /** Progress line on stderr (the table goes to stdout). */
  log(message: string): void;
}

/** One benchmark module: a name for BENCH_ONLY and a run returning its rows. */
export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** Summarises samples into a row. */
export function summarise(
  group: string,
  figure: string,
  unit: string,
  samples: number[],
  extra: Pick<BenchRow, 'budget' | 'note' | 'key' | 'extra'> = {},
): BenchRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    group,
    figure,
    unit,
    median,
    min: sorted[0]!,
    max: sorted.at(-1)!,
    runs: samples.length,
    ...extra,
  };
}

/** Percentile of samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Whether a row meets its budget ('-' when it has none). */
export function verdict(row: BenchRow): string {
  if (!row.budget) return '-';
  const ok = row.budget.better === 'lower' ? row.median <= row.budget.value : row.median >= row.budget.value;
  return `${ok ? 'met' : 'MISSED'} (${row.budget.better === 'lower' ? '<=' : '>='} ${fmt(row.budget.value)})`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}

/** Prints rows as an aligned text table. */
export function printTable(rows: BenchRow[]): void {
  const head = ['group', 'figure', 'unit', 'median', 'min', 'max', 'runs', 'budget'];
  const body = rows.map((r) => [
    r.group,
    r.figure,
    r.unit,
    fmt(r.median),
    fmt(r.min),
    fmt(r.max),
    String(r.runs),
    verdict(r),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

/** A benchmark that failed part-way: the rows it measured before failing are kept. */
export class PartialFailure extends Error {
  constructor(
    readonly rows: BenchRow[],
    readonly causes: unknown[],
  ) {
    super(causes.map((c) => (c instanceof Error ? (c.stack ?? c.message) : String(c))).join('\n'));
  }
}

/** Runs `parts` one after the other; a failing part does not stop the others (PartialFailure). */
export async function runParts(parts: Array<() => Promise<BenchRow[]>>): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const causes: unknown[] = [];
  for (const part of parts) {
    try {
      rows.push(...(await part()));
    } catch (err) {
      causes.push(err);
    }
  }
  if (causes.length) throw new PartialFailure(rows, causes);
  return rows;
}

/** Milliseconds since an earlier `performance.now()`. */
export function since(start: number): number {
  return performance.now() - start;
}

/** Runs `fn` `times` times (sequentially) and returns its results. */
export async function repeat<T>(times: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await fn(i));
  return out;
}
