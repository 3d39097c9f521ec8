// index.html preloads the lazy app chunk and every chunk it imports statically (vite.config.ts
// preloadApp), so the first screen's code downloads while the entry runs instead of one request
// round after another (the offline cold start benchmark, tests/bench/offline-start.ts).
import { describe, expect, it } from 'vitest';
import { readDistText, viteManifest } from './dist';

describe('index.html', () => {
  it('preloads the app chunk and its static imports, and nothing else', () => {
    const manifest = viteManifest();
    const html = readDistText('index.html');
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);
    const app = manifest['src/app/App.tsx'];
    expect(app?.isDynamicEntry).toBe(true);
    const expected = new Set<string>();
    const stack = [app!];
    for (let chunk = stack.pop(); chunk; chunk = stack.pop()) {
      if (chunk.isEntry || expected.has(chunk.file)) continue;
      expected.add(chunk.file);
      for (const key of chunk.imports ?? []) stack.push(manifest[key]!);
    }
    expect(expected.size).toBeGreaterThan(1);
    expect(new Set(preloaded)).toEqual(expected);
    expect(preloaded).toHaveLength(expected.size);
  });
});
