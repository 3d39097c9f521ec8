// First load: what a phone downloads before the first screen shows (gzipped JS and CSS and the
// number of requests, measured in Chromium by tests/support/first-load.ts, the same code the
// dist/ budget test enforces), and what the service worker precaches when it installs.
// Sizes do not vary between runs, so repetitions only confirm that; the median is reported.
import { TestServer } from '../e2e/harness';
import { measureFirstLoad, precacheSummary, type FirstScreen } from '../support/first-load';
import { withChromium } from './browser-kit';
import { repeat, summarise, type Benchmark, type BenchRow } from './table';

/** The first-screen budget of issue 2: 60 KB gzipped (60,000 bytes), JS and CSS together. */
const FIRST_SCREEN_BUDGET = 60_000;
/** Issue 12's budget: the first screen as transferred (compressed, headers included), 40 KB. */
const TRANSFERRED_BUDGET = 40_000;

export const firstLoad: Benchmark = {
  name: 'first-load',
  async run(ctx) {
    const reps = ctx.quick ? 1 : 3;
    const rows: BenchRow[] = [];
    await withChromium(async (browser) => {
      const server = await TestServer.launch();
      try {
        for (const screen of ['home', 'signin'] as FirstScreen[]) {
          const loads = await repeat(reps, () => measureFirstLoad({ screen, browser, server }));
          const label = screen === 'home' ? 'Home, signed-in volunteer' : 'sign-in, new phone';
          ctx.log(
            `first load ${screen}: ${loads.map((l) => l.jsGzipBytes + l.cssGzipBytes).join(', ')} B gz`,
          );
          rows.push(
            summarise(
              'first load',
              `${label}: JS + CSS gzipped`,
              'bytes',
              loads.map((l) => l.jsGzipBytes + l.cssGzipBytes),
              {
                budget: { value: FIRST_SCREEN_BUDGET, better: 'lower' },
                extra: {
                  jsGzipBytes: loads[0]!.jsGzipBytes,
                  cssGzipBytes: loads[0]!.cssGzipBytes,
                  files: loads[0]!.files.map((f) => `${f.url} ${f.gzipBytes}`).join(', '),
                },
              },
            ),
            summarise(
              'first load',
              `${label}: as transferred (brotli, headers included)`,
              'bytes',
              loads.map((l) => l.transferredBytes),
              {
                budget: { value: TRANSFERRED_BUDGET, better: 'lower' },
                extra: {
                  files: loads[0]!.transferred
                    .map((t) => `${t.url} ${t.bytes} ${t.encoding ?? 'identity'}`)
                    .join(', '),
                },
              },
            ),
            summarise(
              'first load',
              `${label}: requests`,
              'requests',
              loads.map((l) => l.requests),
            ),
          );
        }
      } finally {
        await server.dispose();
      }
    });
    const pre = precacheSummary();
    ctx.log(`precache: ${pre.entries} entries, ${pre.bytes} B`);
    rows.push(
      summarise('first load', 'service worker precache (on disk)', 'bytes', [pre.bytes], {
        extra: { entries: pre.entries, gzipBytes: pre.gzipBytes },
      }),
      summarise('first load', 'service worker precache entries', 'entries', [pre.entries]),
    );
    return rows;
  },
};
