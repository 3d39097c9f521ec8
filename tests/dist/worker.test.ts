// The built service worker is a classic script and the page registers it as one: a production
// worker registered as a classic script that was built as an ES module fails to evaluate, and
// the app silently loses its offline mode (issue 2, "a test over the built dist/").
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { distFiles, readDistText, viteManifest } from './dist';

const sw = readDistText('sw.js');

describe('dist/sw.js', () => {
  it('parses as a classic script (no top-level import or export)', () => {
    expect(() => new Script(sw, { filename: 'sw.js' })).not.toThrow();
    expect(sw.trimStart()).toMatch(/^(?:"use strict";\s*)?\(function\s*\(/); // an IIFE
    expect(sw).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(sw).not.toContain('import.meta');
  });

  it('has its precache manifest injected and no placeholder left', () => {
    expect(sw).not.toContain('__WB_MANIFEST');
    expect(sw).toMatch(/\[\{"revision":/);
  });
});

describe('service worker registration in the built app', () => {
  it('registers /sw.js from the entry chunk without type "module"', () => {
    const entry = Object.values(viteManifest()).find((c) => c.isEntry);
    expect(entry).toBeDefined();
    const registering = distFiles().filter(
      (f) => f.startsWith('assets/') && f.endsWith('.js') && /[`'"]\/sw\.js[`'"]/.test(readDistText(f)),
    );
    expect(registering).toEqual([entry?.file]);
    const call = /\(\s*[`'"]\/sw\.js[`'"]\s*,\s*(\{[^}]*\})\s*\)/.exec(readDistText(entry?.file ?? ''));
    expect(call, 'new Workbox("/sw.js", {...}) in the entry chunk').not.toBeNull();
    const options = call?.[1] ?? '';
    expect(options).toMatch(/type:\s*[`'"]classic[`'"]/);
    expect(options).not.toContain('module');
  });
});
