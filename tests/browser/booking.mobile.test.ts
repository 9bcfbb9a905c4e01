import { beforeAll, expect, inject, it } from 'vitest';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { AuthPage } from './pages/auth-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

const stack = useBrowserStack();
const title = `Phone Booking First Aid ${Date.now()}`;

beforeAll(async () => {
  await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2032, 8, 15, 8, 0)), location: 'B', capacity: 8 });
});

it('finds a session in the agenda, signs up on the way and books it on a 360x740 phone', async () => {
  const page = await (await stack.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  const sessions = new SessionsPage(page);
  await sessions.goto(stack.baseUrl, 'from=2032-09-01&to=2032-09-30');
  await page.locator('.session-calendar[data-view="agenda"]').waitFor({ timeout: 20_000 });
  await sessions.filter({ course: title });
  const link = sessions.sessionLinks(title);
  await link.waitFor({ timeout: 20_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await link.tap();

  const session = new SessionPage(page);
  await session.seats.waitFor();
  expect(await session.seats.textContent()).toContain('8 seats left');
  await session.startSignUp();
  await new AuthPage(page).signUp('Pat Phone');
  await session.book(['Pat Phone', 'Lee Colleague', 'Kim Colleague']);
  await expect.poll(() => session.request.textContent(), { timeout: 15_000 }).toContain('Confirmed: 3 seats booked.');
  expect(await session.seats.textContent()).toContain('5 seats left');
});
