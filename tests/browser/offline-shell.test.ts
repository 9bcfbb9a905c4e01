import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { startStack } from '../helpers/stack';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;
const title = `Offline Shell First Aid ${Date.now()}`;

beforeAll(async () => {
  await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2031, 5, 3, 8, 0)) });
  stack = await startStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.app.close();
});

it('lists the replicated catalog, then still renders shell and catalog offline after a reload', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(stack.baseUrl);
  await expect.poll(() => page.getByRole('heading', { name: 'Courses' }).count()).toBe(1);
  const session = page.getByRole('listitem').filter({ hasText: title });
  await session.waitFor({ timeout: 20_000 });
  expect(await session.textContent()).toContain('12 seats left');

  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Courses' }).waitFor();
  await page.getByRole('status', { name: 'Offline' }).waitFor();
  await page.getByRole('listitem').filter({ hasText: title }).waitFor({ timeout: 10_000 });
  await context.close();
});
