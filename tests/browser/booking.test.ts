import { beforeAll, expect, inject, it } from 'vitest';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { AuthPage } from './pages/auth-page';
import { MyBookingsPage } from './pages/my-bookings-page';
import { SessionPage } from './pages/session-page';

const stack = useBrowserStack();
const title = `Live Seats First Aid ${Date.now()}`;
let sessionId: string;

beforeAll(async () => {
  ({ session: { _id: sessionId } } = await insertCourseWithSession(inject('couch'), { title, start: new Date(Date.UTC(2032, 2, 9, 9, 0)), capacity: 5 }));
});

it('books a seat, another open device sees the count drop without reload, and cancelling gives it back', async () => {
  const watcher = new SessionPage(await (await stack.browser.newContext()).newPage());
  await watcher.goto(stack.baseUrl, sessionId);
  await expect.poll(() => watcher.seats.textContent(), { timeout: 20_000 }).toContain('5 seats left');

  const booker = new SessionPage(await (await stack.browser.newContext()).newPage());
  await booker.goto(stack.baseUrl, sessionId);
  await booker.startSignUp();
  await new AuthPage(booker.page).signUp('Alex Booker');
  await booker.page.locator('#session-heading').waitFor();
  await booker.book(['Alex Booker', 'Sam Staff']);

  await expect.poll(() => booker.request.textContent(), { timeout: 15_000 }).toContain('Confirmed: 2 seats booked.');
  // The GOV.UK success banner: an alert a screen reader says at once, titled by its heading.
  const success = booker.page.getByRole('alert', { name: 'Success' });
  expect(await success.textContent()).toContain('Confirmed: 2 seats booked.');
  expect(await booker.seats.textContent()).toContain('Only 3 seats left');
  await expect.poll(() => watcher.seats.textContent(), { timeout: 10_000 }).toContain('Only 3 seats left');

  const bookings = new MyBookingsPage(booker.page);
  await bookings.goto(stack.baseUrl);
  await bookings.booking(title).waitFor();
  expect(await bookings.section('Upcoming').textContent()).toContain('Sam Staff');
  await bookings.cancel(title);
  await expect.poll(() => bookings.booking(title).textContent(), { timeout: 10_000 }).toContain('Cancelled');
  await expect.poll(() => watcher.seats.textContent(), { timeout: 10_000 }).toContain('5 seats left');
});
