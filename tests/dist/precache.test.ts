// What the built service worker precaches: the whole volunteer app (every file the entry can
// load, so every volunteer screen works offline) and nothing of the coordinator workspace
// (issue 4: volunteers' phones never download it; coordinators use it online, so its chunks
// come from the network and index.html, precached, still answers #/review deep links).
// The chunk graph comes from Vite's build manifest; independent markers (chart.js, the
// coordinator catalogue, workspace.css) check the result against the files' contents. qrcode
// is no longer one of them: since shared sessions (issue 14) the phone that opens a session
// shows its join code as a QR code, offline at a stand, so the library is part of the
// volunteer app and precached (the last test below checks that).
import { describe, expect, it } from 'vitest';
import { en as coordinatorEn } from '../../src/shared/i18n/coordinator/en';
import { en } from '../../src/shared/i18n/en';
import { precacheSummary } from '../support/first-load';
import { appParts, distFiles, readDistText, viteManifest } from './dist';

/**
 * Precache budget, in bytes on disk (what a phone keeps for offline use). The volunteer shell
 * was ~330 KiB when this budget was set at 400 KiB, two thirds of it Dexie (~100 KB) and zod
 * with the record schemas (~95 KB), which the app cannot work offline without. Issue 14's
 * fiches then added content a phone must hold offline by design: the built-in starter set in
 * three languages (~23 KB) and the fiche reader, taking it to 436 KiB; the budget became
 * 480 KiB (2026-12-02). Shared sessions then brought the QR code library to the phone (the
 * session's join code is shown as a QR code offline): 472 KiB. Growing past it means code that belongs in a lazy, online-only part
 * (like the coordinator workspace) or a heavy dependency.
 */
const PRECACHE_BUDGET_BYTES = 480 * 1024;
/**
 * What the install downloads, once, in the background: the server sends every text file
 * compressed (issue 12), so the gzipped size is the transfer (160 KB on 2026-12-02, about 4 s
 * on a poor 3G link of ~330 kbit/s).
 */
const PRECACHE_GZIP_BUDGET_BYTES = 200_000;

const precache = precacheSummary();
const precached = new Set(precache.urls);
const chunks = viteManifest();

const { volunteer: volunteerFiles, coordinator } = appParts();
const coordinatorFiles = [...coordinator];
const textFiles = distFiles().filter((f) => /\.(js|css|html)$/.test(f));

/** The built files whose text contains `marker`. */
const filesWith = (marker: string) => textFiles.filter((f) => readDistText(f).includes(marker));

/** Markers only coordinator code contains: libraries, its catalogue, its stylesheet. */
const volunteerTexts = new Set(Object.values(en));
const coordinatorPhrases = Object.values(coordinatorEn).filter(
  (s) => s.length >= 20 && /^[\w ,.()]+$/.test(s) && !volunteerTexts.has(s),
);
const MARKERS: Record<string, string[]> = {
  'chart.js': ["can't acquire context from the given item"],
  'workspace.css': ['.review-nav'],
  'coordinator catalogue': coordinatorPhrases,
};

describe('the precache of dist/sw.js', () => {
  it('holds the app shell: index.html, the entry JS and CSS, the web manifest and its icons', () => {
    const html = readDistText('index.html');
    const entryJs = [...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]);
    const entryCss = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);
    expect(entryJs).toHaveLength(1);
    expect(entryCss.length).toBeGreaterThan(0);
    const manifest = JSON.parse(readDistText('manifest.webmanifest')) as { icons: Array<{ src: string }> };
    const icons = manifest.icons.map((i) => i.src.replace(/^\//, ''));
    for (const url of ['index.html', 'manifest.webmanifest', ...entryJs, ...entryCss, ...preloads, ...icons]) {
      expect(precached, url).toContain(url);
    }
  });

  it('holds every file the volunteer app can load, all three language catalogues included', () => {
    expect(volunteerFiles.size).toBeGreaterThan(10);
    const missing = [...volunteerFiles].filter((f) => !precached.has(f));
    expect(missing).toEqual([]);
    for (const lang of ['en', 'nl', 'fr']) {
      const catalogue = chunks[`src/shared/i18n/${lang}.ts`];
      expect(catalogue && precached.has(catalogue.file), `${lang} catalogue precached`).toBe(true);
    }
  });

  it('holds nothing of the coordinator workspace (review screens, chart.js, its catalogue and styles)', () => {
    expect(coordinatorFiles.length).toBeGreaterThan(5);
    expect(coordinatorFiles.filter((f) => precached.has(f))).toEqual([]);
    expect(coordinatorPhrases.length).toBeGreaterThan(10);
    for (const [what, markers] of Object.entries(MARKERS)) {
      for (const marker of markers) {
        const found = filesWith(marker);
        // The marker is real: the build has it, in coordinator files only, never precached.
        expect(found.length, `${what}: "${marker}" is in the build`).toBeGreaterThan(0);
        expect(found.filter((f) => precached.has(f)), `${what}: "${marker}" precached`).toEqual([]);
        for (const f of found) expect(coordinatorFiles, `${what} in ${f}`).toContain(f);
      }
    }
  });

  it('lists only files that exist, and nothing outside the shell (no source maps, no build manifest)', () => {
    const files = new Set(distFiles());
    for (const url of precache.urls) {
      expect(files, url).toContain(url);
      expect(url).toMatch(/\.(js|css|html|svg|png|webmanifest)$/);
    }
  });

  it(`stays within its budget of ${PRECACHE_BUDGET_BYTES / 1024} KiB`, () => {
    console.info(
      `precache: ${precache.entries} entries, ${precache.bytes} bytes (${(precache.bytes / 1024).toFixed(1)} KiB), ` +
        `${precache.gzipBytes} bytes gzipped; coordinator files left out: ${coordinatorFiles.length}`,
    );
    expect(precache.bytes).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
    expect(precache.gzipBytes).toBeLessThanOrEqual(PRECACHE_GZIP_BUDGET_BYTES);
  });

  it('holds the QR code library, which shows a shared session join code on the phone', () => {
    const qr = filesWith('The amount of data is too big to be stored in a QR Code');
    expect(qr.length).toBeGreaterThan(0);
    expect(qr.filter((f) => precached.has(f)).length).toBeGreaterThan(0);
  });
});
