import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, launchWithProfile } from '../helpers/browser';
import { startStack } from '../helpers/stack';

let stack: Awaited<ReturnType<typeof startStack>>;
let profileDir: string;
let profile: BrowserContext;
let incognito: Browser;

beforeAll(async () => {
  stack = await startStack();
  profileDir = mkdtempSync(join(tmpdir(), 'rft-chromium-profile-'));
  profile = await launchWithProfile(profileDir);
  incognito = await launchChromium();
});
afterAll(async () => {
  await profile?.close();
  await incognito?.close();
  await stack?.app.close();
  rmSync(profileDir, { recursive: true, force: true });
});

async function openControlled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(stack.baseUrl);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return page;
}

const installButton = (page: Page) => page.getByRole('button', { name: 'Install app' });

/** The PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

it("passes Chromium's installability check, with every manifest icon served as a PNG of its stated size", async () => {
  const page = await openControlled(profile);
  const cdp = await profile.newCDPSession(page);
  expect(await cdp.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [] });

  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  const icons = (JSON.parse(manifest.data!) as { icons: { src: string; sizes: string; type: string; purpose: string }[] }).icons;
  expect(icons.map(({ sizes, type, purpose }) => ({ sizes, type, purpose }))).toEqual([
    { sizes: '192x192', type: 'image/png', purpose: 'any' },
    { sizes: '512x512', type: 'image/png', purpose: 'any' },
    { sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ]);
  for (const icon of icons) {
    const response = await profile.request.get(new URL(icon.src, stack.baseUrl).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'], icon.src).toBe('image/png');
    const { width, height } = pngSize(await response.body());
    expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
  }
  await page.close();
});

// Headless Chromium shows its install dialog where nothing can answer it, so userChoice never
// settles and `appinstalled` never fires: what can be checked is the offer and the hand-over.
it('shows Install app when Chromium offers the install prompt, and hands the prompt back to the browser on click', async () => {
  const page = await openControlled(profile);
  await installButton(page).waitFor({ timeout: 20_000 });
  await installButton(page).click();
  await installButton(page).waitFor({ state: 'detached' });
  await page.close();
});

it('shows no Install button where Chromium will not install the app (an incognito window)', async () => {
  const context = await incognito.newContext();
  const page = await openControlled(context);
  const cdp = await context.newCDPSession(page);
  expect(await cdp.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [{ errorId: 'in-incognito', errorArguments: [] }] });
  await page.getByRole('heading', { name: 'Courses', level: 1 }).waitFor();
  expect(await installButton(page).count()).toBe(0);
  await context.close();
});
