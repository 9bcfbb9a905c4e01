import { describe, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { bookingDocId, courseDocId, sessionDocId } from '../../../domain/doc-ids';
import { MAX_SEATS } from '../../../domain/seats';
import { ddoc, filter, onlySyncWrites, USER_NAMES, users, vdu, view } from './harness';

const ID = '_design/bookings';
const validate = vdu(DB.bookings, ID);

const NOT_SYNC = 'Only the sync-server writes bookings; book through the API.';

const booking = {
  _id: bookingDocId('b1'),
  type: 'booking',
  owner: 'pat@example.com',
  sessionId: sessionDocId('s1'),
  courseId: courseDocId('EFAW'),
  sessionStart: '2025-03-10T09:30:00.000Z',
  seats: 2,
  holdId: '0123456789abcdef0123456789abcdef',
  attendees: [{ name: 'Pat Smith', email: 'pat@example.com' }, { name: 'Sam Jones' }],
  contact: { name: 'Pat Smith', email: 'pat@example.com' },
  status: 'confirmed',
  idempotencyKey: 'k-1',
  createdAt: '2025-01-05T12:00:00.000Z',
  confirmedAt: '2025-01-05T12:00:01.000Z',
};
const designDoc = { _id: ID, language: 'javascript' };
const forbidden = (message: string) => ({ forbidden: message });

describe('bookings validate_doc_update: who may write', () => {
  const expected = onlySyncWrites(NOT_SYNC);

  for (const user of USER_NAMES) {
    it(`${user}: create, update, delete and design docs`, () => {
      const ctx = users[user];
      const data = expected[user].data;
      expect(validate(booking, null, ctx)).toEqual(data);
      expect(validate({ ...booking, status: 'cancelled', cancelledAt: '2025-01-06T09:00:00.000Z' }, booking, ctx)).toEqual(data);
      expect(validate({ _id: booking._id, _rev: '2-b', _deleted: true }, booking, ctx)).toEqual(data);
      expect(validate(designDoc, null, ctx)).toEqual(expected[user].design);
    });
  }

  it('refuses a customer writing their own booking', () => {
    expect(validate({ ...booking, owner: users.customer.name }, null, users.customer)).toEqual(forbidden(NOT_SYNC));
  });
});

describe('bookings validate_doc_update: structure (as the sync-server)', () => {
  const check = (doc: object) => validate(doc, null, users.sync);
  const attendees = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Attendee ${i + 1}` }));

  it('holds only booking documents with booking ids', () => {
    expect(check({ ...booking, type: 'session' })).toEqual(forbidden('The bookings database holds only booking documents.'));
    expect(check({ _id: 'x' })).toEqual(forbidden('The bookings database holds only booking documents.'));
    expect(check({ ...booking, _id: 'b1' })).toEqual(forbidden('A booking document id must start with "booking:".'));
  });

  it('accepts every status and nothing else', () => {
    for (const status of ['pending', 'confirmed', 'cancelled', 'rejected']) {
      expect(check({ ...booking, status })).toBe('ok');
    }
    for (const status of ['waitlisted', '', undefined]) {
      expect(check({ ...booking, status })).toEqual(forbidden('A booking status is pending, confirmed, cancelled or rejected.'));
    }
  });

  it('holds 1..MAX_SEATS seats with one named attendee per seat', () => {
    expect(check({ ...booking, seats: 1, attendees: attendees(1) })).toBe('ok');
    expect(check({ ...booking, seats: MAX_SEATS, attendees: attendees(MAX_SEATS) })).toBe('ok');
    for (const seats of [0, MAX_SEATS + 1, 1.5, '2']) {
      expect(check({ ...booking, seats, attendees: attendees(2) })).toEqual(forbidden('A booking holds 1 to 12 seats.'));
    }
    const perSeat = forbidden('A booking names one attendee per seat.');
    expect(check({ ...booking, seats: 3 })).toEqual(perSeat);
    expect(check({ ...booking, attendees: undefined })).toEqual(perSeat);
    expect(check({ ...booking, attendees: [{ name: 'Pat' }, { name: '' }] })).toEqual(perSeat);
    expect(check({ ...booking, attendees: [{ name: 'Pat' }, null] })).toEqual(perSeat);
  });

  it('requires owner, sessionId, courseId, sessionStart and createdAt', () => {
    for (const field of ['owner', 'sessionId', 'courseId', 'sessionStart', 'createdAt']) {
      expect(check({ ...booking, [field]: undefined })).toEqual(forbidden(`A booking needs ${field}.`));
      expect(check({ ...booking, [field]: '' })).toEqual(forbidden(`A booking needs ${field}.`));
    }
    expect(check({ ...booking, idempotencyKey: undefined, confirmedAt: undefined })).toBe('ok');
  });

  it('requires an opaque hold id, the key of its seat-ledger entry, on every booking that holds seats', () => {
    const message = forbidden('A booking needs a holdId of 32 hex digits.');
    for (const status of ['pending', 'confirmed', 'cancelled', 'rejected']) {
      for (const holdId of ['', booking._id, 'ABCDEF0123456789ABCDEF0123456789', '0123456789abcdef', 42]) {
        expect(check({ ...booking, status, holdId })).toEqual(message);
      }
    }
    expect(check({ ...booking, status: 'pending', holdId: undefined })).toEqual(message);
    expect(check({ ...booking, status: 'confirmed', holdId: undefined })).toEqual(message);
    // Bookings finished before hold ids existed stay writable (by an admin repairing data, say).
    expect(check({ ...booking, status: 'cancelled', holdId: undefined })).toBe('ok');
    expect(check({ ...booking, status: 'rejected', holdId: undefined })).toBe('ok');
  });
});

describe('bookings filters', () => {
  const roster = filter(DB.bookings, ID, 'roster');
  const feed = filter(DB.bookings, ID, 'feed');
  const deleted = { _id: booking._id, _rev: '3-c', _deleted: true };
  const design = { _id: ID };

  it('roster passes bookings whose sessionStart is in [from, to), and every deletion', () => {
    expect(roster(booking, { from: '2025-03-10T09:30:00.000Z', to: '2025-03-11T00:00:00Z' })).toBe(true);
    expect(roster(booking, { from: '2025-03-10T09:30:00.001Z' })).toBe(false);
    expect(roster(booking, { to: '2025-03-10T09:30:00.000Z' })).toBe(false);
    expect(roster(booking, { to: '2025-03-10T10:30:00+01:00' })).toBe(false);
    expect(roster(booking, { to: '2025-03-10T10:31:00+01:00' })).toBe(true);
    expect(roster(booking, {})).toBe(true);
    expect(roster(deleted, { from: '2030-01-01' })).toBe(true);
    expect(roster(design, {})).toBe(false);
    expect(roster({ ...booking, sessionStart: undefined }, { from: '2025-01-01' })).toBe(false);
  });

  it('feed narrows by courseId and/or sessionStart window, and passes every deletion', () => {
    expect(feed(booking)).toBe(true);
    expect(feed(booking, { courseId: booking.courseId })).toBe(true);
    expect(feed(booking, { courseId: courseDocId('FAW') })).toBe(false);
    expect(feed(booking, { courseId: booking.courseId, from: '2025-03-01', to: '2025-04-01' })).toBe(true);
    expect(feed(booking, { courseId: booking.courseId, from: '2025-04-01' })).toBe(false);
    expect(feed(booking, { to: '2025-03-10' })).toBe(false);
    expect(feed(deleted, { courseId: courseDocId('FAW') })).toBe(true);
    expect(feed(design)).toBe(false);
  });
});

describe('bookings views', () => {
  it('by_session emits seats of pending and confirmed bookings only, summed by _sum', () => {
    const bySession = view(DB.bookings, ID, 'by_session');
    expect(bySession(booking)).toEqual([[booking.sessionId, 2]]);
    expect(bySession({ ...booking, status: 'pending' })).toEqual([[booking.sessionId, 2]]);
    expect(bySession({ ...booking, status: 'cancelled' })).toEqual([]);
    expect(bySession({ ...booking, status: 'rejected' })).toEqual([]);
    expect(ddoc(DB.bookings, ID).views?.by_session?.reduce).toBe('_sum');
  });

  it("by_owner keys by [owner, sessionStart, id], with what the booking's certificate ids need", () => {
    expect(view(DB.bookings, ID, 'by_owner')(booking)).toEqual([[[booking.owner, booking.sessionStart, booking._id], { sessionId: booking.sessionId, seats: 2 }]]);
  });

  it('by_start keys every booking by [sessionStart, id]', () => {
    expect(view(DB.bookings, ID, 'by_start')({ ...booking, status: 'rejected' })).toEqual([[[booking.sessionStart, booking._id], null]]);
  });

  it('by_idempotency keys by [owner, idempotencyKey] when the key is present', () => {
    const byKey = view(DB.bookings, ID, 'by_idempotency');
    expect(byKey(booking)).toEqual([[[booking.owner, 'k-1'], null]]);
    expect(byKey({ ...booking, idempotencyKey: undefined })).toEqual([]);
  });

  it('by_hold keys a booking by its seat-ledger hold id', () => {
    expect(view(DB.bookings, ID, 'by_hold')(booking)).toEqual([[booking.holdId, null]]);
    expect(view(DB.bookings, ID, 'by_hold')({ ...booking, holdId: undefined })).toEqual([]);
  });

  it('by_status keys by [status, createdAt]', () => {
    expect(view(DB.bookings, ID, 'by_status')({ ...booking, status: 'pending' })).toEqual([
      [['pending', booking.createdAt], null],
    ]);
  });

  it('every_by_session keys every booking, whatever its status, by [sessionId, createdAt, id]', () => {
    for (const status of ['pending', 'confirmed', 'cancelled', 'rejected']) {
      expect(view(DB.bookings, ID, 'every_by_session')({ ...booking, status })).toEqual([[[booking.sessionId, booking.createdAt, booking._id], null]]);
    }
  });

  it('emit nothing for other documents', () => {
    for (const name of ['by_session', 'by_owner', 'by_start', 'by_idempotency', 'by_hold', 'by_status', 'every_by_session']) {
      expect(view(DB.bookings, ID, name)({ _id: 'x', type: 'session', idempotencyKey: 'k' })).toEqual([]);
    }
  });
});
