// The update handshake (registerType 'prompt'): a new deployment's worker installs and then
// WAITS; the app offers "Reload" (held back while a form holds unsaved input), and only when
// the user accepts does the new worker take over and the page reload onto the new version.
// The "new deployment" is a copy of dist/ whose index.html carries a marker and whose
// precache manifest has that file's new revision, as a real rebuild would (which also writes
// the files' brotli and gzip copies the server sends: vite.config.ts, precompress).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DIST, launchChromium, newPhone, seedOrg, TestServer, waitForServiceWorkerControl } from './harness';
import { gotoRoute, msg, signIn } from './flows';

const MARKER = '<meta name="e2e-version" content="2" />';

let staticDir: string;
let server: TestServer;
let browser: Browser;
let page: Page;

/** Writes a file of the build with its brotli and gzip copies, as the build does. */
function writeBuilt(path: string, text: string): void {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

/** Turns the copy in `dir` into the "next version": new index.html, new precache revision. */
function deployNextVersion(dir: string): void {
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace('</head>', `${MARKER}</head>`);
  writeBuilt(join(dir, 'index.html'), html);
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const entry = /\{"revision":"[0-9a-f]+","url":"index\.html"\}/;
  if (!entry.test(sw)) throw new Error('index.html precache entry not found in sw.js');
  writeBuilt(join(dir, 'sw.js'), sw.replace(entry, '{"revision":"e2e-next-version","url":"index.html"}'));
}

const marker = (p: Page) => p.evaluate(() => document.querySelector('meta[name="e2e-version"]') !== null);
const waitingWorker = (p: Page) =>
  p.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'digitafel-e2e-dist-'));
  cpSync(DIST, staticDir, { recursive: true });
  browser = await launchChromium();
  server = await TestServer.launch({ staticDir });
  page = await (await newPhone(browser, server.url)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
});

describe('app update', () => {
  it('waits for the user, is held back by a dirty form, and reloads onto the new version', async () => {
    const org = await seedOrg(server.url);
    await page.goto('/');
    await signIn(page, org.volunteer.email, org.volunteer.password);
    await waitForServiceWorkerControl(page);

    deployNextVersion(staticDir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(() => waitingWorker(page), { timeout: 30_000 }).toBe(true);
    const prompt = page.getByRole('status').filter({ hasText: msg('update.ready') });
    await prompt.waitFor({ timeout: 15_000 });
    expect(await marker(page)).toBe(false);

    // A help request being typed holds the prompt back; the new worker keeps waiting.
    await gotoRoute(page, '#/help/new');
    await prompt.waitFor();
    await page.getByRole('button', { name: msg('topic.email'), exact: true }).click();
    await expect.poll(() => prompt.count()).toBe(0);
    await page.waitForTimeout(500);
    expect(await waitingWorker(page)).toBe(true);
    await page.getByRole('button', { name: msg('outcome.solved'), exact: true }).click();
    await page.getByRole('button', { name: msg('common.save'), exact: true }).click();
    await gotoRoute(page, '#/');

    await prompt.waitFor({ timeout: 15_000 });
    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      prompt.getByRole('button', { name: msg('update.reload'), exact: true }).click(),
    ]);
    await expect.poll(() => marker(page), { timeout: 15_000 }).toBe(true);
    expect(await waitingWorker(page)).toBe(false);
    await waitForServiceWorkerControl(page);
  });
});
