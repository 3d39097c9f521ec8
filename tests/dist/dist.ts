// Reading the production build for the dist/ tests. Importing this module fails at once, with
// the command to run, when there is no build (npm test builds before running vitest).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST } from '../e2e/server';

export { DIST };

for (const required of ['index.html', 'sw.js', 'manifest.webmanifest', '.vite/manifest.json']) {
  if (!existsSync(join(DIST, required))) {
    throw new Error(`dist/${required} is missing: run \`npx vite build\` before the dist tests.`);
  }
}

/** A file of the build ("assets/App-abc.js", "/icons/icon-192.png"), as bytes. */
export function readDist(path: string): Buffer {
  return readFileSync(join(DIST, path.replace(/^\//, '')));
}

/** A file of the build as UTF-8 text. */
export function readDistText(path: string): string {
  return readDist(path).toString('utf8');
}

/** Every file of the build, relative to dist/ ("assets/App-abc.js"), dot folders excluded. */
export function distFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.')) return [];
    const full = join(dir, e.name);
    return e.isDirectory() ? distFiles(full) : [relative(DIST, full)];
  });
}

/** One chunk of Vite's build manifest (dist/.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Vite's build manifest: chunks by key (source path, or "_name-hash.js" for shared chunks). */
export function viteManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readDistText('.vite/manifest.json')) as Record<string, ManifestChunk>;
}

/** The lazy root of the coordinator workspace (App.tsx imports it for #/review). */
export const COORDINATOR_ROOT = 'src/app/workspace/CoordinatorApp.tsx';

/** Files (JS and their CSS, relative to dist/) reachable from chunks `from`, not entering `stopAt`. */
function reachable(chunks: Record<string, ManifestChunk>, from: string[], stopAt?: string): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const stack = [...from];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    if (key === stopAt || seen.has(key)) continue;
    seen.add(key);
    const chunk = chunks[key];
    if (!chunk) throw new Error(`chunk ${key} missing from dist/.vite/manifest.json`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    stack.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
  }
  return files;
}

/**
 * The built JS and CSS split by who loads them: `volunteer`, every file the entry can reach
 * without entering the coordinator workspace; `coordinator`, the files only it reaches.
 */
export function appParts(): { volunteer: Set<string>; coordinator: Set<string> } {
  const chunks = viteManifest();
  const entries = Object.keys(chunks).filter((k) => chunks[k]?.isEntry);
  const volunteer = reachable(chunks, entries, COORDINATOR_ROOT);
  const coordinator = new Set([...reachable(chunks, [COORDINATOR_ROOT])].filter((f) => !volunteer.has(f)));
  return { volunteer, coordinator };
}
