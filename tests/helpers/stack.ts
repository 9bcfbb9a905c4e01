import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { AppOptions } from '../../sync-server/app';
import type { TestApp } from './build-app';
import { launchChromium } from './browser';
import { listenTestApp } from './listen';
import type { TestCouch } from './test-couch';

/** The sync-server serving this run's build of the PWA on a free port, against the shared test CouchDB. */
export const startStack = (overrides: Partial<AppOptions> = {}, couch?: TestCouch) =>
  listenTestApp({ staticDir: inject('builtApp'), ...overrides }, couch);

export interface BrowserStack {
  browser: Browser;
  app: TestApp;
  baseUrl: string;
}

/** Starts the stack and Chromium before the file's tests and closes both after them. */
export function useBrowserStack(): BrowserStack {
  const stack = {} as BrowserStack;
  beforeAll(async () => {
    Object.assign(stack, await startStack());
    stack.browser = await launchChromium();
  });
  afterAll(async () => {
    await stack.browser?.close();
    await stack.app?.close();
  });
  return stack;
}
