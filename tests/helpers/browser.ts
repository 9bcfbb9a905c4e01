import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's Chromium, headless, with no background traffic to hosts this machine cannot reach. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });

/**
 * The same Chromium with a profile on disk. `browser.newContext()` is an incognito context, where
 * Chromium never offers to install an app; a regular profile is needed to see the install prompt.
 */
export const launchWithProfile = (userDataDir: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, args: ARGS });
