// Builds a bench-only browser entry (tests/bench/page/*.ts) into one IIFE script with Vite's
// build API, outside the product build: the script assigns the entry's exports to
// `window[globalName]`. Injected with page.addScriptTag.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const cache = new Map<string, string>();

/** The bundled script text of tests/bench/page/`entry`.ts exposing `globalName`. */
export async function pageBundle(entry: 'local-sync' | 'pouchdb', globalName: string): Promise<string> {
  const hit = cache.get(entry);
  if (hit) return hit;
  const outDir = mkdtempSync(join(tmpdir(), 'digitafel-bench-page-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        lib: {
          entry: fileURLToPath(new URL(`./page/${entry}.ts`, import.meta.url)),
          formats: ['iife'],
          name: globalName,
          fileName: () => 'bundle.js',
        },
      },
    });
    const file = readdirSync(outDir).find((f) => f.endsWith('.js'));
    if (!file) throw new Error(`no bundle written for ${entry}`);
    const text = readFileSync(join(outDir, file), 'utf8');
    cache.set(entry, text);
    return text;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
