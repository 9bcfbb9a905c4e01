import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { startStack } from '../helpers/stack';
import { AuthPage } from './pages/auth-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;
const title = `Phone Booking First Aid ${Date.now()}`;

beforeAll(async () => {
  await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2032, 8, 15, 8, 0)), location: 'B', capacity: 8 });
  stack = await startStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.app.close();
});

it('finds a session in the agenda, signs up on the way and books it on a 360x740 phone', async () => {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
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
