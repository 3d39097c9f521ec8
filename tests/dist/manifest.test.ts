// The web app manifest of the build is installable: the fields Chromium's install criteria and
// DESIGN.md ask for, and icons that really are 192 and 512 px PNGs (read from the IHDR chunk),
// one of them maskable.
import { describe, expect, it } from 'vitest';
import { readDist, readDistText } from './dist';

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

const manifest = JSON.parse(readDistText('manifest.webmanifest')) as Record<string, unknown> & {
  icons: Icon[];
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
