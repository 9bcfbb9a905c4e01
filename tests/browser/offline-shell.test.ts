import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { startStack } from '../helpers/stack';
import { SessionsPage } from './pages/sessions-page';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;
const title = `Offline Shell First Aid ${Date.now()}`;
const JUNE_2031 = 'view=agenda&from=2031-06-01&to=2031-06-30';

beforeAll(async () => {
  await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2031, 5, 3, 8, 0)) });
  stack = await startStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.app.close();
});

it('shows the replicated catalog, then still renders shell and calendar offline after a reload', async () => {
  const context = await browser.newContext();
  const sessions = new SessionsPage(await context.newPage());
  await sessions.goto(stack.baseUrl, JUNE_2031);
  const link = sessions.sessionLinks(title);
  await link.waitFor({ timeout: 20_000 });
  expect(await link.getAttribute('aria-label')).toContain('12 seats left');

  await sessions.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  await context.setOffline(true);
  await sessions.page.reload();
  await sessions.heading.waitFor();
  await sessions.page.getByRole('status', { name: 'Offline' }).waitFor();
  await sessions.sessionLinks(title).waitFor({ timeout: 10_000 });
  await context.close();
});
