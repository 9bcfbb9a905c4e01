import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { couchAs } from '../../couch/client';
import { DB } from '../../domain/databases';
import type { AttendanceDoc } from '../../domain/schemas/attendance';
import { as, logIn, signUp, uniqueEmail } from '../helpers/build-app';
import { launchChromium } from '../helpers/browser';
import { insertSessionWithBookings } from '../helpers/roster-fixtures';
import { startStack } from '../helpers/stack';
import { INSTRUCTOR } from '../helpers/test-couch';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;
let fixture: Awaited<ReturnType<typeof insertSessionWithBookings>>;
let customer: { email: string; cookie: string };
const title = `Venue Roster First Aid ${Date.now()}`;
const names = Array.from({ length: 12 }, (_, index) => `Attendee ${String(index + 1).padStart(2, '0')} ${Date.now()}`);

beforeAll(async () => {
  stack = await startStack();
  customer = await signUp(stack.app);
  fixture = await insertSessionWithBookings(inject('couch'), {
    title,
    start: new Date(Date.now() - 3600_000),
    bookings: [
      { owner: customer.email, attendees: names.slice(0, 5).map((name) => ({ name })) },
      { owner: uniqueEmail('employer'), attendees: names.slice(5, 9).map((name) => ({ name })) },
      { owner: uniqueEmail('employer'), attendees: names.slice(9).map((name) => ({ name })) },
    ],
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.app.close();
});

async function instructorPage(): Promise<{ context: BrowserContext; page: Page }> {
  const cookie = await logIn(stack.app, INSTRUCTOR.email, INSTRUCTOR.password);
  const context = await browser.newContext();
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: stack.baseUrl }]);
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/#/roster`);
  return { context, page };
}

const sessionOf = (page: Page) => page.getByRole('region', { name: new RegExp(`^${title}`) });
const row = (page: Page, name: string) => sessionOf(page).getByRole('listitem', { name });
const pending = (page: Page) => page.getByTestId('pending-count').textContent();
const pressed = (page: Page, name: string, status: string) => row(page, name).getByRole('button', { name: status, exact: true }).getAttribute('aria-pressed');

it('marks 12 attendees over two days offline, keeps them over a reload, syncs them, and issues certificates', async () => {
  const { context, page } = await instructorPage();
  // The device's first roster sync filters every booking in the shared test database, which other files keep adding to.
  await row(page, names[11]!).waitFor({ timeout: 60_000 });
  expect(await sessionOf(page).getByRole('listitem').count()).toBe(12);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  await context.setOffline(true);
  await sessionOf(page).getByRole('button', { name: 'Mark all present' }).click();
  await expect.poll(() => pressed(page, names[11]!, 'Present')).toBe('true');
  await row(page, names[3]!).getByRole('button', { name: 'Late', exact: true }).click();
  await sessionOf(page).getByRole('tab', { name: 'Day 2' }).click();
  for (const [index, name] of names.entries()) {
    await row(page, name).getByRole('button', { name: index === 7 ? 'Absent' : 'Present', exact: true }).click();
  }
  await expect.poll(() => pending(page)).toBe('24');
  expect(await page.getByRole('status', { name: 'Sync' }).textContent()).toBe('Offline · 24 marks saved on this device');

  await page.reload();
  await row(page, names[11]!).waitFor({ timeout: 20_000 });
  expect(await pressed(page, names[3]!, 'Late')).toBe('true');
  await sessionOf(page).getByRole('tab', { name: 'Day 2' }).click();
  expect(await pressed(page, names[7]!, 'Absent')).toBe('true');
  expect(await pressed(page, names[0]!, 'Present')).toBe('true');
  expect(await pending(page)).toBe('24');

  // Back online on another screen: the marks sync by themselves, without opening the roster.
  await page.evaluate(() => (location.hash = '#/'));
  await context.setOffline(false);
  const couch = inject('couch');
  const readMarks = () =>
    couchAs(couch.url, couch.sync)
      .use<AttendanceDoc>(DB.attendance)
      .view('attendance', 'by_session', { startkey: [fixture.session._id, 'attendance'], endkey: [fixture.session._id, 'attendance'], include_docs: true });
  await expect.poll(async () => (await readMarks()).rows.length, { timeout: 20_000 }).toBe(24);
  const stored = await readMarks();
  await page.evaluate(() => (location.hash = '#/roster'));
  await expect.poll(() => pending(page), { timeout: 20_000 }).toBe('0');
  const late = stored.rows.find((r) => r.doc!.attendee === 3 && r.doc!.day === 0 && r.doc!.bookingId === fixture.bookings[0]!._id)!.doc!;
  expect(late).toMatchObject({ status: 'late', markedBy: INSTRUCTOR.email });
  expect(late.history).toEqual([expect.objectContaining({ status: 'present' })]);

  const second = await instructorPage();
  await row(second.page, names[11]!).waitFor({ timeout: 30_000 });
  await expect.poll(() => pressed(second.page, names[3]!, 'Late'), { timeout: 20_000 }).toBe('true');
  await sessionOf(second.page).getByRole('tab', { name: 'Day 2' }).click();
  await expect.poll(() => pressed(second.page, names[7]!, 'Absent'), { timeout: 20_000 }).toBe('true');
  await second.context.close();

  for (const [index, name] of names.entries()) {
    await row(page, name).getByRole('button', { name: 'Pass', exact: true }).click();
    if (index === 0) await expect.poll(() => pressed(page, name, 'Pass')).toBe('true');
  }
  const issue = sessionOf(page).getByRole('button', { name: /Issue certificates/ });
  await expect.poll(() => issue.textContent(), { timeout: 20_000 }).toBe('Issue certificates (11 eligible)');
  await expect.poll(() => pending(page), { timeout: 20_000 }).toBe('0');
  await issue.click();
  await sessionOf(page).getByRole('status').filter({ hasText: 'Issued 11 certificate(s)' }).waitFor({ timeout: 20_000 });
  await expect.poll(() => row(page, names[0]!).textContent(), { timeout: 20_000 }).toMatch(/Certificate RFT-\d{4}-\d{6}/);
  await context.close();

  const mine = await stack.app.inject(as(customer.cookie, { method: 'GET', url: '/api/certificates' }));
  const certificates = mine.json().certificates as { attendeeName: string; sessionId: string }[];
  expect(certificates.filter((c) => c.sessionId === fixture.session._id).map((c) => c.attendeeName).sort()).toEqual(names.slice(0, 5));
});
