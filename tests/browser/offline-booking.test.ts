import { beforeAll, expect, inject, it } from 'vitest';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { AuthPage } from './pages/auth-page';
import { SessionPage } from './pages/session-page';

const stack = useBrowserStack();
const title = `Offline Queue First Aid ${Date.now()}`;
let sessionId: string;

beforeAll(async () => {
  ({ session: { _id: sessionId } } = await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2032, 4, 11, 8, 0)), capacity: 6 }));
});

it('keeps a booking request made offline through a reload, then sends it once back online', async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  const auth = new AuthPage(page);
  await auth.gotoSignUp(stack.baseUrl, `/sessions/${sessionId}`);
  await auth.signUp('Casey Offline');
  const session = new SessionPage(page);
  await session.form.waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  await context.setOffline(true);
  await session.book(['Casey Offline']);
  await expect.poll(() => session.request.textContent()).toContain('not yet confirmed, seats are not held');
  expect(await session.seats.textContent()).toContain('6 seats left');

  await page.reload();
  await session.page.locator('#session-heading').waitFor();
  await expect.poll(() => session.request.textContent(), { timeout: 10_000 }).toContain('not yet confirmed, seats are not held');

  // Every other screen says so in a GOV.UK "Important" banner.
  await page.evaluate(() => (location.hash = '#/'));
  const important = page.getByRole('region', { name: 'Important' });
  await expect.poll(() => important.textContent(), { timeout: 10_000 }).toContain('1 booking request saved on this device');
  await page.evaluate((id) => (location.hash = `#/sessions/${id}`), sessionId);
  await session.page.locator('#session-heading').waitFor();

  await context.setOffline(false);
  await expect.poll(() => session.request.textContent(), { timeout: 30_000 }).toContain('Confirmed: 1 seat booked.');
  await expect.poll(() => session.seats.textContent(), { timeout: 10_000 }).toContain('5 seats left');
  await context.close();
});
