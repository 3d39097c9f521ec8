// Build of the PWA (Preact + injectManifest service worker) and the Vitest projects.
// The worker is built as an IIFE: a production worker is registered as a classic script, and
// an ES-module worker would fail to evaluate and silently leave the app without offline mode.
import { defineConfig } from 'vitest/config';
import type { Plugin, Rollup } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The lazy root of the coordinator workspace (App.tsx imports it dynamically for #/review). */
const COORDINATOR_ENTRY = '/src/app/review/CoordinatorApp.tsx';

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
        // The coordinator workspace is online-only and never precached (issue 4: volunteers'
        // phones do not download it). tests/dist checks this against the built files.
        manifestTransforms: [
          (entries) => ({ manifest: entries.filter((e) => !coordinatorFiles.has(e.url)), warnings: [] }),
        ],
      },
      manifest: {
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
      },
    }),
  ],
  // Test hook: DIGITAFEL_TEST_SCHEMA_BUMP=1 adds a harmless Dexie version 3 (src/local/db.ts) for
  // the upgrade test's "next version" build; false (and dead code) in every other build.
  define: { __DIGITAFEL_TEST_SCHEMA_BUMP__: JSON.stringify(process.env.DIGITAFEL_TEST_SCHEMA_BUMP === '1') },
  // The manifest (dist/.vite/manifest.json) maps chunks to sources; tests/dist read the chunk graph from it.
  build: { target: 'es2022', sourcemap: false, manifest: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
