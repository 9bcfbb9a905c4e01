import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { couchAs, userDocId } from '../../couch/client';
import { DB, ROLES } from '../../domain/databases';
import type { AttendanceDoc } from '../../domain/schemas/attendance';
import { as, signUp, uniqueEmail } from '../helpers/build-app';
import { launchChromium } from '../helpers/browser';
import { insertSessionWithBookings } from '../helpers/roster-fixtures';
import { startStack } from '../helpers/stack';
import { RosterPage } from './pages/roster-page';

let browser: Browser;
let stack: Awaited<ReturnType<typeof startStack>>;
let fixture: Awaited<ReturnType<typeof insertSessionWithBookings>>;
let customer: Awaited<ReturnType<typeof signUp>>;
const couch = inject('couch');
// Its own instructor account: the shared one's password must stay as other files expect it.
const instructor = uniqueEmail('expiring-instructor');
const title = `Expiring Login First Aid ${Date.now()}`;
const [first, second, late] = ['Ada', 'Ben', 'Cy'].map((name) => `${name} Expiry ${Date.now()}`) as [string, string, string];

const users = () => couchAs(couch.url, couch.admin).use<{ _rev?: string; roles: string[]; password?: string }>('_users');

async function setInstructorPassword(password: string): Promise<void> {
  const id = userDocId(instructor);
  const existing = await users().get(id).catch(() => undefined);
  await users().insert({ ...existing, _id: id, type: 'user', name: instructor, roles: [ROLES.instructor], fullName: 'Expiring Instructor', password } as never);
}

beforeAll(async () => {
  await setInstructorPassword('first-password');
  stack = await startStack();
  customer = await signUp(stack.app);
  fixture = await insertSessionWithBookings(couch, {
    title,
    start: new Date(Date.now() + 2 * 24 * 3600_000),
    days: 1,
    bookings: [{ owner: customer.email, attendees: [{ name: first }, { name: second }] }],
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.app.close();
});

it('asks the instructor to log in again when the roster sync is refused, and syncs both ways again after the login', async () => {
  const context = await browser.newContext();
  const roster = new RosterPage(await context.newPage());
  await roster.gotoLogIn(stack.baseUrl);
  await roster.logIn(instructor, 'first-password');
  await roster.attendee(title, second).waitFor({ timeout: 30_000 });
  await expect.poll(() => roster.syncLine.textContent(), { timeout: 20_000 }).toMatch(/^Synced/);

  // CouchDB signs session cookies with the account's password salt, so a new password ends the session.
  await setInstructorPassword('second-password');
  const oldCookie = (await context.cookies(stack.baseUrl)).find((cookie) => cookie.name === 'AuthSession')!;
  const withOldCookie = () => fetch(`${stack.baseUrl}/db/${DB.attendance}/`, { headers: { cookie: `AuthSession=${oldCookie.value}` } }).then((r) => r.status);
  await expect.poll(withOldCookie, { timeout: 20_000 }).toBe(401);

  await roster.mark(title, first, 'Present');
  await roster.reLogIn.waitFor({ timeout: 30_000 });
  // The refusal and the pending count arrive independently; the gateway refuses before reading a body, so often first.
  await expect.poll(() => roster.pendingCount.textContent(), { timeout: 10_000 }).toBe('1');

  await roster.reLogIn.click();
  await roster.logIn(instructor, 'second-password');
  await expect.poll(() => roster.pendingCount.textContent(), { timeout: 30_000 }).toBe('0');
  expect(await roster.reLogIn.count()).toBe(0);
  const stored = await couchAs(couch.url, couch.sync)
    .use<AttendanceDoc>(DB.attendance)
    .view('attendance', 'by_session', { startkey: [fixture.session._id, 'attendance'], endkey: [fixture.session._id, 'attendance'], include_docs: true });
  expect(stored.rows.map((row) => row.doc)).toEqual([expect.objectContaining({ bookingId: fixture.bookings[0]!._id, attendee: 0, status: 'present', markedBy: instructor })]);

  const booked = await stack.app.inject(as(customer.cookie, { method: 'POST', url: '/api/bookings', payload: { sessionId: fixture.session._id, attendees: [{ name: late }] } }));
  expect(booked.statusCode, booked.body).toBe(201);
  await roster.attendee(title, late).waitFor({ timeout: 30_000 });
  await context.close();
});
