// The web app manifest of the build is installable: the fields Chromium's install criteria and
// src/app/pwa/README.md ask for, and icons that really are 192 and 512 px PNGs (read from the IHDR chunk),
// one of them maskable; an id, shortcuts to the help form and the permanence, and the install
// dialog's screenshots (tests/screenshots/manifest.ts), which the phone does not precache.
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/app/router';
import { precacheSummary } from '../support/first-load';
import { distFiles, readDist, readDistText } from './dist';

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

interface Screenshot extends Icon {
  form_factor?: string;
  label?: string;
}

interface Shortcut {
  name: string;
  short_name?: string;
  url: string;
  icons?: Icon[];
}

const manifest = JSON.parse(readDistText('manifest.webmanifest')) as Record<string, unknown> & {
  icons: Icon[];
  screenshots?: Screenshot[];
  shortcuts?: Shortcut[];
};

/** Width and height of a PNG file, from its signature and IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG file');
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('dist/manifest.webmanifest', () => {
  it('names the app and starts it standalone at the root', () => {
    expect(manifest.name).toBe('Digitafel');
    expect(manifest.short_name).toEqual(expect.any(String));
    expect((manifest.short_name as string).length).toBeGreaterThan(0);
    expect((manifest.short_name as string).length).toBeLessThanOrEqual(12); // fits under an icon
    expect(manifest.start_url).toBe('/');
    expect(manifest.scope).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('has 192 and 512 px PNG icons with those real dimensions, and a maskable one', () => {
    for (const icon of manifest.icons) {
      expect(icon.type).toBe('image/png');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(readDist(icon.src)), icon.src).toEqual({ width: w, height: h });
    }
    const any = manifest.icons.filter((i) => (i.purpose ?? 'any').split(' ').includes('any'));
    expect(any.map((i) => i.sizes).sort()).toEqual(['192x192', '512x512']);
    const maskable = manifest.icons.filter((i) => i.purpose?.split(' ').includes('maskable'));
    expect(maskable.length).toBeGreaterThan(0);
    expect(maskable.some((i) => pngSize(readDist(i.src)).width >= 512)).toBe(true);
  });

  it('is linked from index.html, with the same theme colour', () => {
    const html = readDistText('index.html');
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    const theme = /<meta name="theme-color" content="([^"]+)"/.exec(html)?.[1];
    expect(theme).toBe(manifest.theme_color);
  });
});

describe('dist/manifest.webmanifest for installing', () => {
  it('has an id, so the installed app stays the same app when start_url changes', () => {
    expect(manifest.id).toBe('/');
  });

  it('has shortcuts that open the help form and the permanence screen, each with a real icon', () => {
    const shortcuts = manifest.shortcuts ?? [];
    const routes = shortcuts.map((s) => {
      const url = new URL(s.url, 'https://digitafel.example/');
      expect(url.origin + url.pathname, s.url).toBe('https://digitafel.example/'); // in scope, index.html
      return parseRoute(url.hash).name;
    });
    expect(routes).toEqual(['helpNew', 'permanence']);
    for (const shortcut of shortcuts) {
      expect(shortcut.name.length).toBeGreaterThan(0);
      expect((shortcut.short_name ?? shortcut.name).length).toBeLessThanOrEqual(12);
      for (const icon of shortcut.icons ?? []) {
        const [w, h] = icon.sizes.split('x').map(Number);
        expect(pngSize(readDist(icon.src)), icon.src).toEqual({ width: w, height: h });
        expect(w).toBeGreaterThanOrEqual(96); // Chromium's minimum for a shortcut icon
      }
    }
  });

  // Chromium's richer install dialog: PNGs of their stated size, 320 to 3840 px a side, the long
  // side at most 2.3 times the short one, one aspect ratio per form factor, both form factors.
  it('has screenshots for a phone (narrow) and a laptop (wide), as the files really are', () => {
    const screenshots = manifest.screenshots ?? [];
    expect(new Set(screenshots.map((s) => s.form_factor))).toEqual(new Set(['narrow', 'wide']));
    const ratios = new Map<string, Set<string>>();
    for (const shot of screenshots) {
      expect(shot.type).toBe('image/png');
      expect(shot.label?.length, `${shot.src} has a label`).toBeGreaterThan(10);
      const [w = 0, h = 0] = shot.sizes.split('x').map(Number);
      expect(pngSize(readDist(shot.src)), shot.src).toEqual({ width: w, height: h });
      expect(Math.min(w, h)).toBeGreaterThanOrEqual(320);
      expect(Math.max(w, h)).toBeLessThanOrEqual(3840);
      expect(Math.max(w, h) / Math.min(w, h)).toBeLessThanOrEqual(2.3);
      expect(shot.form_factor === 'narrow' ? h > w : w > h, `${shot.src} orientation`).toBe(true);
      const ratio = (w / h).toFixed(3);
      ratios.set(shot.form_factor ?? '', (ratios.get(shot.form_factor ?? '') ?? new Set()).add(ratio));
    }
    for (const [factor, set] of ratios) expect([...set], `${factor} aspect ratios`).toHaveLength(1);
  });

  it('leaves the screenshots out of the precache: a phone has no use for them offline', () => {
    const shots = distFiles().filter((f) => f.startsWith('screenshots/'));
    expect(shots.length).toBe((manifest.screenshots ?? []).length);
    const precached = new Set(precacheSummary().urls);
    expect(shots.filter((f) => precached.has(f))).toEqual([]);
    expect(precached.has('icons/icon-192.png')).toBe(true); // the matching works: icons are in
  });
});
