import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { addLondonDays, londonDate, londonToUtc } from '../../../domain/london-time';
import type { BookingDoc } from '../../../domain/schemas/booking';
import { instructorApp, signUp } from '../../helpers/build-app';
import { bulkWrite, listBooking, listCourse, listSession } from '../../helpers/list-fixtures';
import { allPages, listAll } from '../../helpers/lists';

const couch = inject('couch');
const { app, instructor } = await instructorApp();
let pat: { email: string; cookie: string };
let sam: { email: string; cookie: string };
beforeAll(async () => {
  pat = await signUp(app);
  sam = await signUp(app);
});

const DAY_MS = 24 * 3600_000;
// Sessions in a year no other file uses, so this window holds only these bookings.
const year = 2114 + randomInt(0, 3);
const windowQuery = `from=${year}-01-01&to=${year + 1}-01-01`;
const course = listCourse();

async function writeBookings(starts: Date[], owners: string[]): Promise<BookingDoc[]> {
  const sessions = starts.map((start) => listSession(course, start));
  const bookings = sessions.flatMap((session, i) => owners.map((owner, j) => listBooking(session, owner, { createdAt: new Date(Date.UTC(2030, 0, 1, 0, i, j)).toISOString() })));
  await bulkWrite(couch, DB.catalog, sessions);
  await bulkWrite(couch, DB.bookings, bookings);
  return bookings;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const byStart = (a: BookingDoc, b: BookingDoc) => a.sessionStart.localeCompare(b.sessionStart) || a._id.localeCompare(b._id);

describe('GET /api/bookings', () => {
  it('covers the sessions of today and the next 90 days when no window is given', async () => {
    const [soonPat, , laterPat] = await writeBookings([new Date(Date.now() + DAY_MS), new Date(Date.now() + 95 * DAY_MS)], [pat.email, sam.email]);
    const own = (await app.inject({ method: 'GET', url: '/api/bookings', headers: { cookie: pat.cookie } })).json();
    const from = londonToUtc(`${londonDate(new Date().toISOString())}T00:00`);
    expect(own).toEqual({ bookings: [expect.objectContaining({ id: soonPat!._id })], from, to: addLondonDays(from, 90), next: null });
    const all = await listAll<{ id: string }>(app, '/api/bookings?limit=500', 'bookings', { cookie: instructor });
    expect(ids(all)).toContain(soonPat!._id);
    expect(ids(all)).not.toContain(laterPat!._id);
  });

  it('pages the instructor through every booking of a window once, by session start', async () => {
    // Several sessions share a start, as a cancelled session and its replacement do.
    const starts = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(year, 1, 1 + (i % 30), 9)));
    const bookings = await writeBookings(starts, [pat.email, sam.email, `third-${Date.now()}@test.example`]);
    const pages = await allPages(app, `/api/bookings?${windowQuery}&limit=11`, { cookie: instructor });
    expect(pages.slice(0, -1).every((page) => (page.bookings as unknown[]).length === 11)).toBe(true);
    const listed = pages.flatMap((page) => page.bookings as { id: string }[]);
    const mine = ids(listed).filter((id) => bookings.some((booking) => booking._id === id));
    expect(mine).toEqual([...bookings].sort(byStart).map((booking) => booking._id));
  });

  it('pages a customer through their own bookings only', async () => {
    const bookings = await writeBookings(Array.from({ length: 23 }, (_, i) => new Date(Date.UTC(year, 5, 1 + i, 9))), [pat.email, sam.email]);
    const own = await listAll<{ id: string }>(app, `/api/bookings?${windowQuery}&limit=4`, 'bookings', { cookie: pat.cookie });
    const pats = bookings.filter((booking) => booking.owner === pat.email);
    expect(ids(own).filter((id) => bookings.some((booking) => booking._id === id))).toEqual([...pats].sort(byStart).map((booking) => booking._id));
    expect(ids(own).some((id) => bookings.some((booking) => booking._id === id && booking.owner !== pat.email))).toBe(false);
  });

  it("pages through one session's bookings by creation, the customer's own among them", async () => {
    const session = listSession(course, new Date(Date.UTC(year, 8, 1, 9)));
    const bookings = Array.from({ length: 17 }, (_, i) =>
      listBooking(session, i % 2 ? pat.email : sam.email, { createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(), status: i % 5 ? 'confirmed' : 'rejected' }),
    );
    await bulkWrite(couch, DB.catalog, [session]);
    await bulkWrite(couch, DB.bookings, bookings);
    const url = `/api/bookings?sessionId=${encodeURIComponent(session._id)}&limit=3`;
    const all = await allPages(app, url, { cookie: instructor });
    expect(all.flatMap((page) => ids(page.bookings as { id: string }[]))).toEqual(bookings.map((booking) => booking._id));
    expect(all[0]).not.toHaveProperty('from');
    expect(ids(await listAll(app, url, 'bookings', { cookie: pat.cookie }))).toEqual(bookings.filter((b) => b.owner === pat.email).map((b) => b._id));
  });

  it('lists a booking whose stored attendee name the rule for typed text would now refuse', async () => {
    const session = listSession(course, new Date(Date.UTC(year, 10, 1, 9)));
    const stored = listBooking(session, pat.email, { attendees: [{ name: 'Two\nLines' }] });
    await bulkWrite(couch, DB.catalog, [session]);
    await bulkWrite(couch, DB.bookings, [stored]);
    const response = await app.inject({ method: 'GET', url: `/api/bookings?sessionId=${encodeURIComponent(session._id)}`, headers: { cookie: instructor } });
    expect(response.statusCode).toBe(200);
    expect(response.json().bookings[0].attendees).toEqual([{ name: 'Two\nLines' }]);
  });
});
