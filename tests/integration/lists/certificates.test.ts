import { randomInt } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { certificateExpiry } from '../../../domain/certificates';
import { DB } from '../../../domain/databases';
import { addDaysToDate, londonDate } from '../../../domain/london-time';
import { instructorApp, signUp } from '../../helpers/build-app';
import { attendees } from '../../helpers/bookings';
import { bulkWrite, listBooking, listCertificate, listCourse, listSession } from '../../helpers/list-fixtures';
import { allPages, listAll } from '../../helpers/lists';

const couch = inject('couch');
const { app, instructor } = await instructorApp();

const today = () => londonDate(new Date().toISOString());
const course = listCourse();

/** One booking of `seats` attendees per session start, each attendee certified to expire on the date given for that booking. */
async function certify(owner: string, bookings: { start: Date; seats: number; expiresOn: string }[]) {
  const sessions = bookings.map(({ start }) => listSession(course, start));
  const docs = bookings.map(({ seats }, i) => listBooking(sessions[i]!, owner, { attendees: attendees(seats) }));
  const certificates = docs.flatMap((booking, i) => booking.attendees.map((_, attendee) => listCertificate(booking, attendee, bookings[i]!.expiresOn)));
  await bulkWrite(couch, DB.catalog, sessions);
  await bulkWrite(couch, DB.bookings, docs);
  await bulkWrite(couch, DB.attendance, certificates);
  return certificates;
}

const numbers = (items: { number: string }[]) => items.map((item) => item.number);

describe('GET /api/certificates', () => {
  it('lists by default the certificates still valid: expiring from today to the longest validity ahead', async () => {
    const owner = await signUp(app);
    const day = (n: number) => new Date(Date.UTC(2100 + randomInt(0, 50), 0, 1 + n, 9));
    const [expired, lastDay, valid, tooFar] = await certify(owner.email, [
      { start: day(0), seats: 1, expiresOn: addDaysToDate(today(), -1) },
      { start: day(1), seats: 1, expiresOn: today() },
      { start: day(2), seats: 1, expiresOn: addDaysToDate(today(), 1000) },
      { start: day(3), seats: 1, expiresOn: addDaysToDate(certificateExpiry(today(), 120), 1) },
    ]);
    const response = (await app.inject({ method: 'GET', url: '/api/certificates', headers: { cookie: owner.cookie } })).json();
    expect(response).toMatchObject({ from: today(), to: certificateExpiry(today(), 120), next: null });
    expect(numbers(response.certificates).sort()).toEqual([lastDay!.number, valid!.number].sort());
    const older = await listAll<{ number: string }>(app, `/api/certificates?from=${addDaysToDate(today(), -10)}&to=${addDaysToDate(today(), 50_000)}`, 'certificates', { cookie: owner.cookie });
    expect(numbers(older).sort()).toEqual([expired, lastDay, valid, tooFar].map((c) => c!.number).sort());
  });

  it("pages through the owner's certificates, newest session first, splitting a booking's across pages without a gap", async () => {
    const owner = await signUp(app);
    const other = await signUp(app);
    const expiresOn = addDaysToDate(today(), 400);
    const mine = await certify(owner.email, [3, 1, 4, 2].map((seats, i) => ({ start: new Date(Date.UTC(2105, 0, 10 - i, 9)), seats, expiresOn })));
    await certify(other.email, [{ start: new Date(Date.UTC(2105, 0, 5, 9)), seats: 2, expiresOn }]);
    const pages = await allPages(app, '/api/certificates?limit=3', { cookie: owner.cookie });
    expect(pages.map((page) => (page.certificates as unknown[]).length)).toEqual([3, 3, 3, 1]);
    expect(pages.flatMap((page) => numbers(page.certificates as { number: string }[]))).toEqual(numbers(mine));
  });
});

describe('GET /api/certificates/expiring', () => {
  it('pages the instructor through the certificates expiring in the next `days`, soonest first', async () => {
    const owner = await signUp(app);
    const written = await certify(owner.email, Array.from({ length: 9 }, (_, i) => ({ start: new Date(Date.UTC(2106, 0, 1 + i, 9)), seats: 2, expiresOn: addDaysToDate(today(), 3 + (i % 4)) })));
    const pages = await allPages(app, '/api/certificates/expiring?days=10&limit=4', { cookie: instructor });
    expect(pages[0]).toMatchObject({ days: 10, from: today(), to: addDaysToDate(today(), 10) });
    const listed = pages.flatMap((page) => page.certificates as { number: string; expiresOn: string; contact: unknown }[]);
    expect(new Set(numbers(listed)).size).toBe(listed.length);
    const ours = listed.filter((item) => written.some((c) => c.number === item.number));
    expect(ours).toHaveLength(written.length);
    expect(ours.map((item) => item.expiresOn)).toEqual(written.map((c) => c.expiresOn).sort());
    expect(ours[0]!.contact).toEqual({ name: 'Pat Contact', email: owner.email });
  });
});
