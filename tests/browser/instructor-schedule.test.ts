import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, logIn, signUp } from '../helpers/build-app';
import { launchChromium } from '../helpers/browser';
import { privateWindow } from '../helpers/schedule-window';
import { startStack } from '../helpers/stack';
import { INSTRUCTOR } from '../helpers/test-couch';
import { InstructorSchedulePage } from './pages/instructor-schedule-page';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;
let apiCookie: string;
let instructorContext: BrowserContext;
let instructor: InstructorSchedulePage;
// This file's sessions live in 2080–2089: the overlap rule is global across the shared CouchDB.
const w = privateWindow(2080, 2089);
const code = `IS${randomUUID().slice(0, 8)}`;
const title = `Schedule Series First Aid ${Date.now()}`;

beforeAll(async () => {
  stack = await startStack();
  apiCookie = await logIn(stack.app, INSTRUCTOR.email, INSTRUCTOR.password);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.app.close();
});

const api = async (method: 'POST' | 'DELETE', url: string, payload?: object, cookie = apiCookie) => {
  const response = await stack.app.inject(as(cookie, { method, url, ...(payload ? { payload } : {}) }));
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
};

/** Another device, already signed in and open on the week the series starts in. */
async function watcherOnWeek(): Promise<InstructorSchedulePage> {
  const context = await browser.newContext();
  const [name, value] = apiCookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: stack.baseUrl }]);
  const watcher = new InstructorSchedulePage(await context.newPage());
  await watcher.goto(stack.baseUrl, w.monday);
  return watcher;
}

it('creates a weekly series after the preview and the server flag a clash; another open calendar shows it, an edit and the cancel live', async () => {
  const watcher = await watcherOnWeek();
  instructorContext = await browser.newContext();
  instructor = new InstructorSchedulePage(await instructorContext.newPage());
  await instructor.logIn(stack.baseUrl, INSTRUCTOR.email, INSTRUCTOR.password);
  await instructor.createCourse({ code, title, price: '95' });

  const courseId = `course:${code.toLowerCase()}`;
  const { sessions: [blocker] } = await api('POST', '/api/courses/sessions', { courseId, location: 'B', start: w.at(14, '12:00'), end: w.at(14, '13:00') });
  await instructor.fillSeries({ course: title, location: 'A', firstDay: w.monday, count: 4 });
  await expect.poll(() => instructor.previewSummary.textContent(), { timeout: 20_000 }).toBe('4 sessions, 1 clashing.');
  expect(await instructor.previewItems.evaluateAll((items) => items.map((item) => item.getAttribute('data-clash')))).toEqual(['false', 'false', 'true', 'false']);
  expect(await instructor.previewItems.nth(0).textContent()).toContain('09:00–16:30');

  await instructor.saveButton.click();
  await expect.poll(() => instructor.formError.textContent()).toContain('Occurrence 3 would clash');
  expect(await instructor.serverConflicts.allTextContents()).toEqual([expect.stringMatching(/^Occurrence 3 \(.*\) clashes with .* at location B/)]);

  await api('DELETE', `/api/courses/sessions/${encodeURIComponent(blocker.id)}`);
  await expect.poll(() => instructor.previewSummary.textContent(), { timeout: 20_000 }).toBe('4 sessions, no clashes on this device.');
  await instructor.saveButton.click();
  await instructor.sessionForm.getByText('Saved 4 sessions.').waitFor();

  await expect.poll(() => watcher.events(title).count(), { timeout: 20_000 }).toBe(1);
  expect(await watcher.events(title).textContent()).toContain('A · 0/12 booked');
  await watcher.showWeek('Next week');
  await expect.poll(() => watcher.events(title).count()).toBe(1);
  await instructor.showWeek('Next week');
  await instructor.openSession(title);
  await instructor.editSession({ location: 'B', capacity: 8 });
  await expect.poll(() => watcher.events(title).textContent(), { timeout: 20_000 }).toContain('B · 0/8 booked');
  await watcher.showWeek('Previous week');
  await instructor.showWeek('Previous week');

  const listed = (await stack.app.inject({ method: 'GET', url: `/api/courses/sessions?courseId=${courseId}&from=${w.monday}&to=${w.date(1)}` })).json();
  const customer = await signUp(stack.app);
  await api('POST', '/api/bookings', { sessionId: listed.sessions[0].id, attendees: [{ name: 'Ada Employee' }, { name: 'Bo Employee' }] }, customer.cookie);
  await expect.poll(() => watcher.events(title).textContent(), { timeout: 20_000 }).toContain('2/12 booked');

  expect(await instructor.cancelSession(title)).toBe('This cancels 1 booking and 2 attendees. Customers see the session as cancelled.');
  await expect.poll(() => watcher.events(title).textContent(), { timeout: 20_000 }).toContain('Cancelled');
  expect(await watcher.events(title).locator('.session-event').getAttribute('data-state')).toBe('cancelled');
});

it('says so and keeps the schedule forms from saving while offline', async () => {
  await instructorContext.setOffline(true);
  await expect.poll(() => instructor.saveButton.isDisabled()).toBe(true);
  expect(await instructor.sessionForm.getByRole('status').filter({ hasText: 'You are offline' }).textContent()).toContain('Schedule changes need the server');
  await instructorContext.setOffline(false);
  await expect.poll(() => instructor.saveButton.isDisabled()).toBe(false);
});
