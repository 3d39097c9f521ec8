// Build of the PWA (Preact + injectManifest service worker) and the Vitest projects.
// The worker is built as an IIFE: a production worker is registered as a classic script, and
// an ES-module worker would fail to evaluate and silently leave the app without offline mode.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { defineConfig } from 'vitest/config';
import type { Plugin, Rollup } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The lazy root of the coordinator workspace (App.tsx imports it dynamically for #/review). */
const COORDINATOR_ENTRY = '/src/app/workspace/CoordinatorApp.tsx';

/** JS and CSS files only the coordinator workspace uses; filled by coordinatorOnly() per build. */
const coordinatorFiles = new Set<string>();

/**
 * Finds the files of the coordinator workspace in the bundle: every JS or CSS file that the
 * entry cannot reach without going through the CoordinatorApp chunk (its screens, chart.js,
 * qrcode, the coordinator catalogues, review.css). They are left out of the service worker's
 * precache (see manifestTransforms below), so a volunteer's phone never downloads them; a
 * coordinator, online on a laptop, loads them from the network when opening #/review.
 * A chunk the volunteer app also uses (zod schemas, the API client) stays precached.
 */
function coordinatorOnly(): Plugin {
  return {
    name: 'digitafel:coordinator-only',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f): f is Rollup.OutputChunk => f.type === 'chunk');
      const coordinatorRoot = chunks.find((c) => c.facadeModuleId?.endsWith(COORDINATOR_ENTRY));
      if (!coordinatorRoot) this.error(`no chunk for ${COORDINATOR_ENTRY}: is it still imported lazily?`);
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const volunteer = new Set<string>();
      const stack = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
      for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
        const chunk = byFile.get(file);
        if (!chunk || chunk === coordinatorRoot || volunteer.has(file)) continue;
        volunteer.add(file);
        for (const css of chunk.viteMetadata?.importedCss ?? []) volunteer.add(css);
        stack.push(...chunk.imports, ...chunk.dynamicImports);
      }
      coordinatorFiles.clear();
      for (const file of Object.keys(bundle)) {
        if (/\.(js|css)$/.test(file) && !volunteer.has(file)) coordinatorFiles.add(file);
      }
    },
  };
}

/** The lazy app chunk main.tsx imports after painting the shell. */
const APP_ENTRY = '/src/app/App.tsx';

/**
 * Adds <link rel="modulepreload"> to index.html for the app chunk and every chunk it imports
 * statically (Dexie, hooks, shared UI). main.tsx imports it lazily so the shell paints first,
 * but the first screen always needs it: preloading it lets the browser fetch and compile it
 * while the entry module runs, instead of one request round after another. No extra bytes:
 * the first screen downloaded these chunks anyway (tests/dist/budget.test.ts).
 */
function preloadApp(): Plugin {
  return {
    name: 'digitafel:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((f): f is Rollup.OutputChunk => f.type === 'chunk');
        const app = chunks.find((c) => c.facadeModuleId?.endsWith(APP_ENTRY));
        if (!app) throw new Error(`no chunk for ${APP_ENTRY}: is it still imported lazily?`);
        const entry = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const files: string[] = [];
        const stack = [app.fileName];
        for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
          if (entry.has(file) || files.includes(file) || !byFile.has(file)) continue;
          files.push(file);
          stack.push(...byFile.get(file)!.imports);
        }
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/** Files worth compressing: text. Images (PNG) and fonts (woff2) are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;

/** Every file under `dir`, dot folders (dist/.vite, the build manifest) excluded. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/**
 * Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) next to every text file of
 * the build, once, so the server sends them as they are (@fastify/static `preCompressed`,
 * src/server/http/static.ts) instead of compressing on every request or not at all. Runs after
 * vite-plugin-pwa's own closeBundle (both sequential, this one `post`), so the service worker
 * it writes there (sw.js, with its precache manifest) is compressed too. A variant that is not
 * smaller than the file is not written. The precache globs (`*.js`, ...) never match `.br`/`.gz`.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'digitafel:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const files = (await filesUnder(outDir)).filter((f) => COMPRESSIBLE.test(f));
        for (const file of files) {
          const body = await readFile(file);
          const [brotli, gzipped] = await Promise.all([
            br(body, {
              params: {
                [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
                [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gz(body, { level: 9 }),
          ]);
          if (brotli.length < body.length) await writeFile(`${file}.br`, brotli);
          if (gzipped.length < body.length) await writeFile(`${file}.gz`, gzipped);
        }
      },
    },
  };
}

/** Backstop limits of the unit, component and server projects (see `test` below). */
const PATIENT = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  expect: { poll: { timeout: 30_000 } },
};

export default defineConfig({
  plugins: [
    preact(),
    coordinatorOnly(),
    preloadApp(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      injectManifest: {
        rollupFormat: 'iife',
        // manifest.webmanifest is added by the plugin itself.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        // The manifest's screenshots are for the install dialog, which fetches them itself while
        // online; a phone has no use for them offline (tests/dist/manifest.test.ts).
        globIgnores: ['screenshots/**'],
        // The coordinator workspace is online-only and never precached (issue 4: volunteers'
        // phones do not download it). tests/dist checks this against the built files.
        manifestTransforms: [
          (entries) => ({ manifest: entries.filter((e) => !coordinatorFiles.has(e.url)), warnings: [] }),
        ],
      },
      // Installability and the install dialog: src/app/pwa/README.md; tests/dist/manifest.test.ts.
      manifest: {
        // The app's identity across updates: a later start_url or name change stays the same app.
        id: '/',
        name: 'Digitafel',
        short_name: 'Digitafel',
        description: 'Log digital help, permanences and laptop loans, also offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b5cad',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // A long press on the installed icon. The hash routes work offline (src/app/router.ts).
        shortcuts: [
          {
            name: 'New help request',
            short_name: 'Help request',
            url: '/#/help/new',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          {
            name: 'Permanence',
            short_name: 'Permanence',
            url: '/#/permanence',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        // Made by tests/screenshots/manifest.ts over a seeded month (sizes are the files' own).
        screenshots: [
          {
            src: '/screenshots/home-narrow.png',
            sizes: '720x1480',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Home on a volunteer phone: what waits to be sent, and the day so far',
          },
          {
            src: '/screenshots/help-narrow.png',
            sizes: '720x1480',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'A help request in a few taps: topic, outcome, did the person do it themselves',
          },
          {
            src: '/screenshots/dashboard-wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: "The coordinator's dashboard on a laptop",
          },
        ],
      },
    }),
    precompress(),
  ],
  // Test hook: DIGITAFEL_TEST_SCHEMA_BUMP=1 adds a harmless Dexie version 3 (src/local/db.ts) for
  // the upgrade test's "next version" build; false (and dead code) in every other build.
  define: { __DIGITAFEL_TEST_SCHEMA_BUMP__: JSON.stringify(process.env.DIGITAFEL_TEST_SCHEMA_BUMP === '1') },
  // The manifest (dist/.vite/manifest.json) maps chunks to sources; tests/dist read the chunk graph from it.
  build: { target: 'es2022', sourcemap: false, manifest: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  // Tests wait for events and conditions, never for time; these limits are only a backstop so a
  // hung test fails, set far above what a loaded 2-core CI machine needs (Vitest's defaults, 5 s
  // per test, 10 s per hook and 1 s per expect.poll, failed there around real servers).
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          ...PATIENT,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
          ...PATIENT,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          ...PATIENT,
        },
      },
      {
        // Faults, crashes and soak runs (SOAK=1 for the full counts: npm run test:soak).
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
          expect: PATIENT.expect,
        },
      },
      {
        // Over the production build; budget.test.ts drives Chromium against the real server.
        test: {
          name: 'dist',
          include: ['tests/dist/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: PATIENT.expect,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          expect: PATIENT.expect,
          fileParallelism: false,
        },
      },
    ],
  },
});
