import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootstrap } from '../../../couch/setup/bootstrap';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { bookingDocId } from '../../../domain/doc-ids';
import type { BookingDoc } from '../../../domain/schemas/booking';
import { recoverBookings } from '../../../sync-server/bookings/recovery';
import { buildTestApp, type TestApp } from '../../helpers/build-app';
import { attendees, bookingsOfSession, insertSession, ledgerAgrees, readSession } from '../../helpers/bookings';
import { INSTRUCTOR, startTestCouch } from '../../helpers/test-couch';

let server: Awaited<ReturnType<typeof startTestCouch>>;
let app: TestApp;

beforeAll(async () => {
  server = await startTestCouch();
  app = await buildTestApp({}, server);
});
afterAll(async () => {
  await app.close();
  await server.stop();
});

/** Writes documents as the code before hold ids did, with the design documents of that time out of the way. */
async function writeAsBefore(write: () => Promise<void>): Promise<void> {
  const admin = couchAs(server.url, server.admin);
  for (const [db, id] of [[DB.catalog, '_design/catalog'], [DB.bookings, '_design/bookings']] as const) {
    const ddoc = await admin.use(db).get(id);
    await admin.use(db).destroy(id, ddoc._rev);
  }
  await write();
  await bootstrap({ url: server.url, admin: server.admin, sync: server.sync, instructor: INSTRUCTOR });
}

it('moves a ledger keyed by booking ids to hold ids, keeping every live seat and releasing the rest', async () => {
  const session = await insertSession(app.couch, { capacity: 12 });
  const legacyBooking = (seats: number, status: BookingDoc['status']) => ({
    _id: bookingDocId(),
    type: 'booking',
    owner: 'legacy@test.example',
    sessionId: session._id,
    courseId: session.courseId,
    sessionStart: session.days[0]!.start,
    seats,
    attendees: attendees(seats),
    contact: { name: 'Legacy', email: 'legacy@test.example' },
    status,
    createdAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  const seated = legacyBooking(3, 'confirmed');
  const cancelled = legacyBooking(2, 'cancelled');
  const unseated = legacyBooking(2, 'confirmed');
  const at = new Date(Date.now() - 3600_000).toISOString();
  await writeAsBefore(async () => {
    await app.couch.sync.use(DB.bookings).bulk({ docs: [seated, cancelled, unseated] });
    const current = await readSession(app.couch, session._id);
    await app.couch.sync.use(DB.catalog).insert({
      ...current,
      holds: [
        { bookingId: seated._id, seats: 3, at },
        { bookingId: cancelled._id, seats: 2, at },
        { bookingId: bookingDocId(), seats: 1, at },
      ],
    } as never);
  });

  expect(await recoverBookings(app.couch, { graceSeconds: 0 })).toMatchObject({ released: 2, reseated: 1, rejected: 0 });

  const holds = (await readSession(app.couch, session._id)).holds;
  expect(JSON.stringify(holds)).not.toContain('booking');
  const bookings = new Map((await bookingsOfSession(app.couch, session._id)).map((booking) => [booking._id, booking]));
  for (const id of [seated._id, unseated._id]) expect(bookings.get(id)).toMatchObject({ status: 'confirmed', holdId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  expect(holds).toEqual([
    { holdId: bookings.get(seated._id)!.holdId, seats: 3, at },
    { holdId: bookings.get(unseated._id)!.holdId, seats: 2, at: expect.any(String) },
  ]);
  const { held, booked } = await ledgerAgrees(app.couch, session._id);
  expect(held).toEqual(booked);

  expect(await recoverBookings(app.couch, { graceSeconds: 0 })).toEqual({ conflictsResolved: 0, confirmed: 0, rejected: 0, released: 0, cancelled: 0, reseated: 0 });
});
