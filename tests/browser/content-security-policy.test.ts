import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, expect, inject, it } from 'vitest';
import { logIn } from '../helpers/build-app';
import { insertCourseWithSession } from '../helpers/catalog-fixtures';
import { insertSessionWithBookings } from '../helpers/roster-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { INSTRUCTOR } from '../helpers/test-couch';
import { AuthPage } from './pages/auth-page';
import { InstructorSchedulePage } from './pages/instructor-schedule-page';
import { MyBookingsPage } from './pages/my-bookings-page';
import { RosterPage } from './pages/roster-page';
import { SessionPage } from './pages/session-page';
import { SessionsPage } from './pages/sessions-page';

const stack = useBrowserStack();
const title = `Strict Policy First Aid ${Date.now()}`;
const rosterTitle = `Strict Policy Roster ${Date.now()}`;
const start = new Date(Date.now() + 5 * 86_400_000);
let sessionId: string;

beforeAll(async () => {
  const couch = inject('couch');
  ({ session: { _id: sessionId } } = await insertCourseWithSession(couch, { title, start, capacity: 6 }));
  await insertSessionWithBookings(couch, {
    title: rosterTitle,
    start: new Date(Date.now() + 2 * 86_400_000),
    bookings: [{ owner: 'roster-csp@test.example', attendees: [{ name: 'Rory Policy' }] }],
  });
});

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Every CSP report a page raises, from its first script on, plus console lines about refused content. */
async function watched(context: BrowserContext): Promise<{ page: Page; violations: () => Promise<Violation[]>; consoleRefusals: string[]; errors: string[] }> {
  await context.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` }),
    );
  });
  const page = await context.newPage();
  const consoleRefusals: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) consoleRefusals.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
  return { page, violations, consoleRefusals, errors };
}

it('the calendar, a session with its booking form, sign-up, log-in and my bookings run with no CSP violation, and the service worker registers', async () => {
  const { page, violations, consoleRefusals, errors } = await watched(await stack.browser.newContext());
  const sessions = new SessionsPage(page);
  await sessions.goto(stack.baseUrl);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  const registration = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
  expect(registration).toBe(`${stack.baseUrl}/sw.js`);

  await sessions.showView('Month');
  await page.locator('.rbc-month-view').waitFor();
  await sessions.showView('Agenda');
  await page.locator('.rbc-agenda-view').waitFor();

  await page.goto(`${stack.baseUrl}/#/login`);
  await page.getByRole('form', { name: 'Log in' }).waitFor();

  const session = new SessionPage(page);
  await session.goto(stack.baseUrl, sessionId);
  await expect.poll(() => session.seats.textContent(), { timeout: 20_000 }).toContain('6 seats left');
  await session.startSignUp();
  await new AuthPage(page).signUp('Casey Policy');
  await page.locator('#session-heading').waitFor();
  await session.book(['Casey Policy']);
  await expect.poll(() => session.request.textContent(), { timeout: 15_000 }).toContain('Confirmed: 1 seat booked.');

  const bookings = new MyBookingsPage(page);
  await bookings.goto(stack.baseUrl);
  await bookings.booking(title).waitFor();

  // Reload under the service worker: the precached shell must pass the same policy.
  await page.reload();
  await bookings.booking(title).waitFor();

  expect(await violations()).toEqual([]);
  expect(consoleRefusals).toEqual([]);
  expect(errors).toEqual([]);
});

it("the instructor's schedule and roster run with no CSP violation", async () => {
  const cookie = await logIn(stack.app, INSTRUCTOR.email, INSTRUCTOR.password);
  const context = await stack.browser.newContext();
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: stack.baseUrl }]);
  const { page, violations, consoleRefusals, errors } = await watched(context);

  const schedule = new InstructorSchedulePage(page);
  await schedule.goto(stack.baseUrl, start.toISOString().slice(0, 10));
  await schedule.events(title).first().waitFor({ timeout: 20_000 });
  await schedule.openSession(title);

  const roster = new RosterPage(page);
  await page.goto(`${stack.baseUrl}/#/roster`);
  await roster.heading.waitFor();
  await roster.attendee(rosterTitle, 'Rory Policy').waitFor({ timeout: 30_000 });

  expect(await violations()).toEqual([]);
  expect(consoleRefusals).toEqual([]);
  expect(errors).toEqual([]);
});

it('the same watch does see a violation when one happens, so the checks above are not vacuous', async () => {
  const { page, violations, consoleRefusals } = await watched(await stack.browser.newContext());
  await new SessionsPage(page).goto(stack.baseUrl);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  await expect.poll(violations).toEqual([expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' })]);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  await expect.poll(() => consoleRefusals.length).toBe(1);
});
