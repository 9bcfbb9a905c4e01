import { beforeAll, expect, inject, it } from 'vitest';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { SessionsPage } from './pages/sessions-page';

const stack = useBrowserStack();
const title = `Offline Shell First Aid ${Date.now()}`;
const JUNE_2031 = 'view=agenda&from=2031-06-01&to=2031-06-30';

beforeAll(async () => {
  await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2031, 5, 3, 8, 0)) });
});

it('shows the replicated catalog, then still renders shell and calendar offline after a reload', async () => {
  const context = await stack.browser.newContext();
  const sessions = new SessionsPage(await context.newPage());
  await sessions.goto(stack.baseUrl, JUNE_2031);
  const link = sessions.sessionLinks(title);
  await link.waitFor({ timeout: 20_000 });
  expect(await link.textContent()).toContain('12 seats left');

  await sessions.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  await context.setOffline(true);
  await sessions.page.reload();
  await sessions.heading.waitFor();
  // Chromium 150 keeps emulating the lost network across the reload but starts the new document with
  // navigator.onLine true; a phone without signal starts it false. Toggling tells the new document.
  await context.setOffline(false);
  await context.setOffline(true);
  await sessions.page.getByRole('status', { name: 'Offline' }).waitFor();
  await sessions.sessionLinks(title).waitFor({ timeout: 10_000 });
  await context.close();
});
