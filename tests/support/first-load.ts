// What a phone downloads to show its first screen, measured in real Chromium against the real
// server and the production build (dist/), and what the service worker precaches. Used by the
// dist/ budget test (tests/dist/budget.test.ts) and the benchmark (`npm run bench`), so it
// imports nothing from vitest.
//
// The first screen is Home for a signed-in volunteer (their everyday start) and the sign-in
// screen for a new phone. "Needs" is measured, not guessed: every request the page starts
// (Resource Timing, the page's own clock) before the screen's marker appears in the DOM (a
// MutationObserver installed before any app script) counts, whatever chunk it is: the entry,
// the app chunk, Dexie, the language catalogue, CSS. Each JS/CSS body is gzipped at level 9.
// Code fetched after the screen showed (the sync engine, workbox-window) is reported in
// `later` but not counted. The HTTP cache is disabled and service workers are blocked, so
// every file comes from the network and nothing is hidden by a cache. `transferredBytes` is what
// actually crossed the network for the same requests (the document included), as Chromium
// counts it (CDP Network.loadingFinished encodedDataLength: headers and the body as sent,
// brotli or gzip when the server compressed it).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DIST, launchChromium, newPhone, seedOrg, TestServer } from '../e2e/harness';
import { msg, signIn } from '../e2e/screens';

export type FirstScreen = 'home' | 'signin';

export interface FirstLoadFile {
  /** Path of the file ("/assets/App-abc123.js"). */
  url: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

export interface FirstLoad {
  screen: FirstScreen;
  /** Gzipped JavaScript started before the first screen showed. */
  jsGzipBytes: number;
  /** Gzipped CSS started before the first screen showed. */
  cssGzipBytes: number;
  /** Every request started before the first screen showed, the document included. */
  requests: number;
  /** Bytes received for those requests, headers included, compressed as the server sent them. */
  transferredBytes: number;
  /** The same by URL path, in request order (the document is "/"). */
  transferred: Array<{ url: string; bytes: number; encoding: string | undefined }>;
  /** The JS and CSS files counted, in request order. */
  files: FirstLoadFile[];
  /** JS and CSS fetched after the first screen showed, until the network was idle (not counted). */
  later: FirstLoadFile[];
  /** Content-Security-Policy violations the page reported (events and console messages). */
  cspViolations: string[];
}

/** The button texts that show each first screen has rendered, in English. */
function markerTexts(screen: FirstScreen): string[] {
  return screen === 'home'
    ? [msg('home.newHelp'), msg('home.permanence'), msg('home.loans')]
    : [msg('signin.submit')];
}

interface PageProbe {
  shownAt?: number;
  csp: string[];
}

/**
 * Installed before any app script: notes when all marker buttons exist, and CSP violations.
 * Plain JavaScript text, because a transpiled function may call helpers the page lacks.
 */
function probeScript(texts: string[]): string {
  return `(() => {
    const texts = ${JSON.stringify(texts)};
    const probe = { shownAt: undefined, csp: [] };
    window.__firstLoad = probe;
    document.addEventListener('securitypolicyviolation', (e) => {
      probe.csp.push(e.effectiveDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });
    const check = () => {
      if (probe.shownAt !== undefined) return;
      const shown = new Set(Array.from(document.querySelectorAll('button'), (b) => (b.textContent || '').trim()));
      if (texts.every((t) => shown.has(t))) probe.shownAt = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  })();`;
}

const kindOf = (path: string): 'js' | 'css' | undefined =>
  path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : undefined;

/** Opens `/` in `page` and measures what it fetched until `screen` showed. */
async function measurePage(page: Page, screen: FirstScreen): Promise<FirstLoad> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies = new Map<string, Promise<Buffer>>();
  // Bytes on the wire by URL (the first request of each URL), from Chromium's network stack.
  const urls = new Map<string, { url: string; encoding: string | undefined }>();
  const onWire = new Map<string, { bytes: number; encoding: string | undefined }>();
  cdp.on('Network.responseReceived', (e) => {
    const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    urls.set(e.requestId, { url: e.response.url, encoding: encoding?.[1] });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = urls.get(e.requestId);
    if (r && !onWire.has(r.url)) onWire.set(r.url, { bytes: e.encodedDataLength, encoding: r.encoding });
  });
  const consoleCsp: string[] = [];
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (kindOf(path) && !bodies.has(path)) bodies.set(path, res.body());
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  await page.addInitScript(probeScript(markerTexts(screen)));
  const response = await page.goto('/');
  if (!response) throw new Error('no response for the document');
  await page.waitForFunction(
    () => (window as unknown as { __firstLoad: PageProbe }).__firstLoad.shownAt !== undefined,
    undefined,
    { timeout: 30_000, polling: 100 },
  );
  // Let what starts after the first screen (the sync engine, workbox-window) finish too.
  await page.waitForLoadState('networkidle');
  const { shownAt, entries, csp } = await page.evaluate(() => {
    const probe = (window as unknown as { __firstLoad: PageProbe }).__firstLoad;
    return {
      shownAt: probe.shownAt ?? Infinity,
      csp: probe.csp,
      entries: performance
        .getEntriesByType('resource')
        .map((e) => ({ name: e.name, path: new URL(e.name).pathname, start: e.startTime })),
    };
  });
  await cdp.detach();
  const files: FirstLoadFile[] = [];
  const later: FirstLoadFile[] = [];
  const seen = new Set<string>();
  let requests = 1; // the document
  const transferred: FirstLoad['transferred'] = [];
  const addWire = (url: string) => {
    const wire = onWire.get(url);
    if (!wire) throw new Error(`no transferred size recorded for ${url}`);
    transferred.push({ url: new URL(url).pathname, bytes: wire.bytes, encoding: wire.encoding });
  };
  addWire(response.url());
  for (const entry of entries) {
    const before = entry.start <= shownAt;
    if (before) {
      requests++;
      addWire(entry.name);
    }
    const kind = kindOf(entry.path);
    if (!kind || seen.has(entry.path)) continue;
    seen.add(entry.path);
    const body = bodies.get(entry.path);
    if (!body) throw new Error(`no response body recorded for ${entry.path}`);
    const bytes = await body;
    const file = {
      url: entry.path,
      kind,
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    };
    (before ? files : later).push(file);
  }
  const sum = (k: 'js' | 'css') => files.filter((f) => f.kind === k).reduce((n, f) => n + f.gzipBytes, 0);
  return {
    screen,
    jsGzipBytes: sum('js'),
    cssGzipBytes: sum('css'),
    requests,
    transferredBytes: transferred.reduce((n, t) => n + t.bytes, 0),
    transferred,
    files,
    later,
    cspViolations: [...csp, ...consoleCsp],
  };
}

export interface MeasureOptions {
  /** Home of a signed-in volunteer (default) or the sign-in screen of a new phone. */
  screen?: FirstScreen;
  /** A running Chromium to use (one is launched and closed otherwise). */
  browser?: Browser;
  /** A running server over dist/ to use (one is launched and disposed otherwise). */
  server?: TestServer;
}

/** Measures the first load of a screen in real Chromium against the built app. */
export async function measureFirstLoad(options: MeasureOptions = {}): Promise<FirstLoad> {
  const screen = options.screen ?? 'home';
  const browser = options.browser ?? (await launchChromium());
  const server = options.server ?? (await TestServer.launch());
  // No service worker: its install would precache everything in parallel and blur the figure.
  const phone = await newPhone(browser, server.url, { serviceWorkers: 'block' });
  try {
    if (screen === 'home') {
      const { volunteer } = await seedOrg(server.url);
      const first = await phone.newPage();
      await signIn(first, volunteer.email, volunteer.password);
      await first.close();
    }
    return await measurePage(await phone.newPage(), screen);
  } finally {
    await phone.close();
    if (!options.server) await server.dispose();
    if (!options.browser) await browser.close();
  }
}

export interface PrecacheSummary {
  /** Number of precache entries in the built service worker. */
  entries: number;
  /** Their total size on disk (what a phone downloads when the worker installs). */
  bytes: number;
  /** Their total size gzipped at level 9 (for comparison; the server does not compress). */
  gzipBytes: number;
  /** The entry URLs, relative to the app root ("index.html", "assets/App-abc.js"). */
  urls: string[];
}

/** The precache manifest injected into `distDir/sw.js`, with the size of each entry. */
export function precacheSummary(distDir: string = DIST): PrecacheSummary {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const match = /\[(?:\{"revision":(?:null|"[0-9a-f]+"),"url":"[^"]+"\},?)+\]/.exec(sw);
  if (!match) throw new Error(`no injected precache manifest found in ${join(distDir, 'sw.js')}`);
  const manifest = JSON.parse(match[0]) as Array<{ revision: string | null; url: string }>;
  const urls = manifest.map((e) => e.url);
  let bytes = 0;
  let gzipBytes = 0;
  for (const url of urls) {
    const file = join(distDir, url);
    bytes += statSync(file).size;
    gzipBytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { entries: urls.length, bytes, gzipBytes, urls };
}
