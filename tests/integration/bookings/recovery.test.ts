import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { bookingDocId, newHoldId, sessionDocId } from '../../../domain/doc-ids';
import type { BookingDoc } from '../../../domain/schemas/booking';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import { cancelBooking } from '../../../sync-server/bookings/cancel-booking';
import type { BookingDeps, WriteStep } from '../../../sync-server/bookings/deps';
import { placeBooking } from '../../../sync-server/bookings/place-booking';
import { OwnerlessHolds } from '../../../sync-server/bookings/ownerless-holds';
import { recoverBookings } from '../../../sync-server/bookings/recovery';
import type { Couch } from '../../../sync-server/plugins/couch';
import { buildTestApp, type TestApp } from '../../helpers/build-app';
import { startTestCouch } from '../../helpers/test-couch';
import { attendees, bookingsOfSession, insertSession, ledgerAgrees, readSession } from '../../helpers/bookings';

// A private server: recovery with no grace period would otherwise touch other files' in-flight bookings.
let server: Awaited<ReturnType<typeof startTestCouch>>;
let app: TestApp;
let couch: Couch;
beforeAll(async () => {
  server = await startTestCouch();
  app = await buildTestApp({}, server);
  couch = app.couch;
});
afterAll(async () => {
  await app.close();
  await server.stop();
});

class Crash extends Error {}
const crashingAfter = (step: WriteStep): BookingDeps => ({
  couch,
  afterWrite: (reached) => {
    if (reached === step) throw new Crash(step);
  },
});
const input = (sessionId: string, seats = 2) => ({
  sessionId,
  attendees: attendees(seats),
  owner: 'crash@test.example',
  contact: { name: 'Crash Test', email: 'crash@test.example' },
});
const recoverNow = () => recoverBookings(couch, { graceSeconds: 0 });
const booking = (id: string) => couch.sync.use<BookingDoc>(DB.bookings).get(id);

async function expectConsistent(sessionId: string): Promise<void> {
  const { held, booked } = await ledgerAgrees(couch, sessionId);
  expect(held).toEqual(booked);
}

describe('crash between each pair of writes, then recovery', () => {
  it('after the pending booking, before the hold: recovery decides it on its merits and seats it', async () => {
    const session = await insertSession(couch);
    await expect(placeBooking(crashingAfter('pending-written'), input(session._id))).rejects.toBeInstanceOf(Crash);
    const [pending] = (await couch.sync.use<BookingDoc>(DB.bookings).view('bookings', 'by_session', { key: session._id, reduce: false })).rows;
    expect((await readSession(couch, session._id)).holds).toEqual([]);
    expect(await recoverNow()).toMatchObject({ confirmed: 1 });
    expect(await booking(pending!.id)).toMatchObject({ status: 'confirmed', seats: 2 });
    await expectConsistent(session._id);
  });

  it('after the pending booking, on a session that filled meanwhile: recovery rejects it as full, never as interrupted', async () => {
    const session = await insertSession(couch, { capacity: 2 });
    await expect(placeBooking(crashingAfter('pending-written'), input(session._id))).rejects.toBeInstanceOf(Crash);
    const [pending] = (await couch.sync.use<BookingDoc>(DB.bookings).view('bookings', 'by_session', { key: session._id, reduce: false })).rows;
    const other = await placeBooking({ couch }, { ...input(session._id), owner: 'other@test.example' });
    expect('refused' in other).toBe(false);
    expect(await recoverNow()).toMatchObject({ rejected: 1 });
    expect(await booking(pending!.id)).toMatchObject({ status: 'rejected', reason: 'session_full' });
    await expectConsistent(session._id);
  });

  it('decides at once a pending booking whose process holds no live lease, and leaves a live process its own', async () => {
    const session = await insertSession(couch);
    const dead: BookingDeps = { ...crashingAfter('pending-written'), instance: 'instance-that-died' };
    await expect(placeBooking(dead, input(session._id))).rejects.toBeInstanceOf(Crash);
    const live: BookingDeps = { ...crashingAfter('pending-written'), instance: app.instance };
    await expect(placeBooking(live, input(session._id, 1))).rejects.toBeInstanceOf(Crash);
    expect(await recoverBookings(couch, { graceSeconds: 3600 })).toMatchObject({ confirmed: 1, rejected: 0 });
    const bookings = await bookingsOfSession(couch, session._id);
    expect(bookings.map((b) => [b.instance, b.status]).sort()).toEqual([[app.instance, 'pending'], ['instance-that-died', 'confirmed']].sort());
    await recoverNow();
    await expectConsistent(session._id);
  });

  it('after the hold, before the confirmation: the held booking is confirmed', async () => {
    const session = await insertSession(couch);
    await expect(placeBooking(crashingAfter('hold-written'), input(session._id, 3))).rejects.toBeInstanceOf(Crash);
    const [hold] = (await readSession(couch, session._id)).holds;
    const [held] = await bookingsOfSession(couch, session._id);
    expect(held).toMatchObject({ status: 'pending', holdId: hold!.holdId });
    expect(await recoverNow()).toMatchObject({ confirmed: 1 });
    expect(await booking(held!._id)).toMatchObject({ status: 'confirmed', seats: 3 });
    await expectConsistent(session._id);
  });

  it('leaves a pending booking that is still inside the grace period alone', async () => {
    const session = await insertSession(couch);
    await expect(placeBooking(crashingAfter('pending-written'), input(session._id))).rejects.toBeInstanceOf(Crash);
    expect(await recoverBookings(couch, { graceSeconds: 3600 })).toMatchObject({ confirmed: 0, rejected: 0 });
    await recoverNow();
  });

  it('after the booking is cancelled, before its hold is released: the seats are released', async () => {
    const session = await insertSession(couch);
    const placed = await placeBooking({ couch }, input(session._id, 4));
    if ('refused' in placed) throw new Error('expected a booking');
    await expect(cancelBooking(crashingAfter('booking-cancelled'), placed.booking._id, false)).rejects.toBeInstanceOf(Crash);
    expect((await readSession(couch, session._id)).holds).toHaveLength(1);
    expect(await recoverNow()).toMatchObject({ released: 1 });
    expect((await readSession(couch, session._id)).holds).toEqual([]);
    await expectConsistent(session._id);
  });

  it('a session marked cancelled before its bookings were: recovery cancels them and frees the seats', async () => {
    const session = await insertSession(couch);
    const placed = await placeBooking({ couch }, input(session._id, 2));
    if ('refused' in placed) throw new Error('expected a booking');
    const current = await readSession(couch, session._id);
    await couch.sync.use<SessionDoc>(DB.catalog).insert({ ...current, status: 'cancelled' });
    expect(await recoverNow()).toMatchObject({ cancelled: 1 });
    expect(await booking(placed.booking._id)).toMatchObject({ status: 'cancelled', reason: 'session_cancelled' });
    expect((await readSession(couch, session._id)).holds).toEqual([]);
  });

  it('a hold whose booking does not exist is released; a confirmed booking that lost its hold gets it back', async () => {
    const session = await insertSession(couch);
    const placed = await placeBooking({ couch }, input(session._id, 2));
    if ('refused' in placed) throw new Error('expected a booking');
    const current = await readSession(couch, session._id);
    const ghost = { holdId: newHoldId(), seats: 5, at: new Date().toISOString() };
    await couch.sync.use<SessionDoc>(DB.catalog).insert({ ...current, holds: [ghost] });
    expect(await recoverNow()).toMatchObject({ released: 1, reseated: 1 });
    expect((await readSession(couch, session._id)).holds.map((hold) => hold.holdId)).toEqual([placed.booking.holdId]);
    await expectConsistent(session._id);
  });

  it('a hold whose booking cannot be found is released only once it has stayed so for the grace period, across passes', async () => {
    const session = await insertSession(couch);
    const ghost = { holdId: newHoldId(), seats: 3, at: new Date().toISOString() };
    await couch.sync.use<SessionDoc>(DB.catalog).insert({ ...(await readSession(couch, session._id)), holds: [ghost] });
    const ownerless = new OwnerlessHolds();
    const start = Date.now();
    const passAt = (seconds: number) => recoverBookings(couch, { graceSeconds: 120, ownerless, now: () => new Date(start + seconds * 1000) });
    expect(await passAt(0)).toMatchObject({ released: 0 });
    expect(await passAt(119)).toMatchObject({ released: 0 });
    expect((await readSession(couch, session._id)).holds).toEqual([ghost]);
    expect(await recoverBookings(couch, { graceSeconds: 120, now: () => new Date(start + 600_000) })).toMatchObject({ released: 0 });
    expect(await passAt(120)).toMatchObject({ released: 1 });
    expect((await readSession(couch, session._id)).holds).toEqual([]);
  });
});

describe('conflicting ledger revisions, as a CouchDB cluster can store them', () => {
  it('merges holds earliest first up to capacity, rejects the rest with a reason, deletes the losing revision', async () => {
    const template = await insertSession(couch);
    const session = { ...template, _id: sessionDocId() };
    delete session._rev;
    const bookingsDb = couch.sync.use<BookingDoc>(DB.bookings);
    const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 9, 0, second)).toISOString();
    const make = async (seats: number): Promise<BookingDoc> => {
      const doc: BookingDoc = {
        _id: bookingDocId(),
        type: 'booking',
        owner: 'cluster@test.example',
        sessionId: session._id,
        courseId: session.courseId,
        sessionStart: session.days[0]!.start,
        seats,
        holdId: newHoldId(),
        attendees: attendees(seats),
        contact: { name: 'Cluster', email: 'cluster@test.example' },
        status: 'confirmed',
        createdAt: at(0),
        confirmedAt: at(0),
      };
      await bookingsDb.insert(doc);
      return doc;
    };
    const [a, b, c, d] = await Promise.all([make(5), make(5), make(5), make(2)]);
    const hold = (doc: BookingDoc, second: number) => ({ holdId: doc.holdId, seats: doc.seats, at: at(second) });
    // Two sibling revisions, as two cluster nodes could each accept one. (pouchdb-server 4.2 silently
    // ignores new_edits=false writes to a document it created itself, so the siblings are both roots.)
    const revision = (hash: string, holds: SessionDoc['holds']) => ({ ...session, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] }, holds });
    const left = revision('a'.repeat(32), [hold(a!, 1), hold(b!, 2)]);
    const right = revision('b'.repeat(32), [hold(a!, 1), hold(c!, 3), hold(d!, 4)]);
    await couch.sync.use<SessionDoc>(DB.catalog).bulk({ docs: [left, right], new_edits: false });
    const conflicted = await couch.sync.use<SessionDoc>(DB.catalog).get(session._id, { conflicts: true });
    expect(conflicted._conflicts).toHaveLength(1);

    expect(await recoverNow()).toMatchObject({ conflictsResolved: 1, rejected: 1 });

    const resolved = await couch.sync.use<SessionDoc>(DB.catalog).get(session._id, { conflicts: true });
    expect(resolved._conflicts).toBeUndefined();
    expect(resolved.holds.map((h) => h.holdId)).toEqual([a!.holdId, b!.holdId, d!.holdId]);
    expect(await booking(c!._id)).toMatchObject({ status: 'rejected', reason: 'overbooked_on_conflict' });
    await expectConsistent(session._id);
  });
});
