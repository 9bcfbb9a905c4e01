import { beforeAll, expect, inject, it } from 'vitest';
import { newHoldId } from '../../domain/doc-ids';
import { insertCourseWithSession, insertSessions } from '../helpers/catalog-fixtures';
import { useBrowserStack } from '../helpers/stack';
import { SessionsPage } from './pages/sessions-page';

const stack = useBrowserStack();
const title = `Filter Check First Aid ${Date.now()}`;
const day = (date: number) => new Date(Date.UTC(2033, 2, date, 9, 0));
const hold = { holdId: newHoldId(), seats: 1, at: new Date().toISOString() };

beforeAll(async () => {
  const couch = inject('couch');
  const { course } = await insertCourseWithSession(couch, { title, start: day(7), location: 'A' });
  await insertSessions(couch, course, [
    { start: day(8), location: 'B' },
    { start: day(9), location: 'B', capacity: 1, holds: [hold] },
    { start: day(10), location: 'B', status: 'cancelled' },
    { start: day(14), location: 'B', capacity: 4, holds: [{ ...hold, holdId: newHoldId() }] },
  ]);
});

it('shows exactly the location B sessions with seats, and the filtered view survives a reload from its URL', async () => {
  const sessions = new SessionsPage(await (await stack.browser.newContext()).newPage());
  await sessions.goto(stack.baseUrl, 'view=agenda');
  await sessions.filter({ course: title, from: '2033-03-01', to: '2033-03-31' });
  await expect.poll(() => sessions.sessionLinks(title).count(), { timeout: 20_000 }).toBe(5);

  await sessions.filter({ location: 'B', withSeats: true });
  await expect.poll(() => sessions.sessionLinks(title).count()).toBe(2);
  const names = await sessions.sessionLinks(title).allTextContents();
  expect(names).toEqual([expect.stringMatching(/Location B · 12 seats left, Tue, 8 Mar 2033, 09:00$/), expect.stringMatching(/Location B · Only 3 seats left, Mon, 14 Mar 2033, 09:00$/)]);
  expect(await sessions.matchCount.textContent()).toBe('2 sessions match.');

  const url = new URL(sessions.page.url());
  const query = new URLSearchParams(url.hash.split('?')[1]);
  expect(query.get('location')).toBe('B');
  expect(query.get('seats')).toBe('available');
  expect(query.get('from')).toBe('2033-03-01');

  await sessions.page.reload();
  await sessions.heading.waitFor();
  await expect.poll(() => sessions.sessionLinks(title).count(), { timeout: 20_000 }).toBe(2);
  const form = sessions.page.getByRole('form', { name: 'Filter sessions' });
  expect(await form.getByLabel('Location').inputValue()).toBe('B');
  expect(await form.getByLabel('Only sessions with seats').isChecked()).toBe(true);
  expect(await form.getByLabel('Course').locator('option:checked').textContent()).toBe(title);
});

it('shows London times and UK dates on a US-English device in another time zone', async () => {
  const sessions = new SessionsPage(await (await stack.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' })).newPage());
  await sessions.goto(stack.baseUrl, 'view=agenda&location=A&from=2033-03-07&to=2033-03-07');
  const link = sessions.sessionLinks(title);
  await link.waitFor({ timeout: 20_000 });
  expect(await link.textContent()).toContain('Mon, 7 Mar 2033, 09:00');
  expect(await sessions.page.locator('.rbc-agenda-time-cell').first().textContent()).toBe('09:00–16:30');
  expect(await sessions.page.locator('.rbc-agenda-date-cell').first().textContent()).toBe('Mon 7 Mar');
  const from = sessions.page.getByRole('group', { name: 'From' });
  expect(await from.getByRole('textbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value))).toEqual(['7', '3', '2033']);
  expect(await from.locator('label').allTextContents()).toEqual(['Day', 'Month', 'Year']);
});
