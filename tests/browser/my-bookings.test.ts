import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { as, logIn, signUp } from '../helpers/build-app';
import { launchChromium } from '../helpers/browser';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { startStack } from '../helpers/stack';
import { INSTRUCTOR } from '../helpers/test-couch';
import { MyBookingsPage } from './pages/my-bookings-page';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;
let customer: Awaited<ReturnType<typeof signUp>>;
const cancelledTitle = `Cancelled Venue First Aid ${Date.now()}`;
const keptTitle = `Kept Date First Aid ${Date.now()}`;
let cancelledSessionId: string;

async function book(sessionId: string, names: string[]): Promise<void> {
  const response = await stack.app.inject(as(customer.cookie, { method: 'POST', url: '/api/bookings', payload: { sessionId, attendees: names.map((name) => ({ name })) } }));
  expect(response.statusCode, response.body).toBe(201);
}

beforeAll(async () => {
  const couch = inject('couch');
  const cancelled = await insertCourseWithSession(couch, { title: cancelledTitle, start: new Date(Date.UTC(2091, 3, 10, 8, 0)) });
  const kept = await insertCourseWithSession(couch, { title: keptTitle, start: new Date(Date.UTC(2091, 4, 15, 8, 0)) });
  cancelledSessionId = cancelled.session._id;
  stack = await startStack();
  customer = await signUp(stack.app);
  await book(cancelledSessionId, ['Robin Cancelled']);
  await book(kept.session._id, ['Kim Kept', 'Lee Kept']);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.app.close();
});

it('says clearly when the instructor cancelled a booked session, and stays readable offline across a reload', async () => {
  const instructor = await logIn(stack.app, INSTRUCTOR.email, INSTRUCTOR.password);
  const cancel = await stack.app.inject(as(instructor, { method: 'DELETE', url: `/api/courses/sessions/${cancelledSessionId}` }));
  expect(cancel.statusCode, cancel.body).toBe(200);

  const context = await browser.newContext();
  const [name, value] = customer.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: stack.baseUrl }]);
  const bookings = new MyBookingsPage(await context.newPage());
  await bookings.goto(stack.baseUrl);
  await bookings.booking(cancelledTitle).waitFor({ timeout: 20_000 });
  await bookings.booking(keptTitle).waitFor({ timeout: 20_000 });

  const noticeText = 'The instructor cancelled this session. Your seats are released; please book another date.';
  expect(await bookings.instructorNotice(cancelledTitle).textContent()).toBe(noticeText);
  expect(await bookings.status(cancelledTitle).textContent()).toBe('Cancelled');
  expect(await bookings.cancelButton(cancelledTitle).count()).toBe(0);
  expect(await bookings.instructorNotice(keptTitle).count()).toBe(0);
  expect(await bookings.cancelButton(keptTitle).count()).toBe(1);

  await bookings.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await context.setOffline(true);
  await bookings.page.reload();
  await bookings.savedCopyNotice.waitFor({ timeout: 20_000 });
  expect(await bookings.section('Upcoming').textContent()).toContain('Kim Kept, Lee Kept');
  expect(await bookings.instructorNotice(cancelledTitle).textContent()).toBe(noticeText);
  expect(await bookings.status(keptTitle).textContent()).toBe('Confirmed');
  await context.close();
});
