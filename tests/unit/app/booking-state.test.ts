import { describe, expect, it } from 'vitest';
import type { PublicBooking } from '../../../domain/schemas/booking';
import { bookingRequestDoc, type BookingRequestDoc } from '../../../app/src/features/booking/api/booking-request-doc';
import { groupBookings } from '../../../app/src/features/booking/group-bookings';
import { pendingSeats } from '../../../app/src/features/booking/pending-seats';
import { sessionState, sessionStateText } from '../../../app/src/features/sessions/session-state';

const request = (fields: Partial<BookingRequestDoc>): BookingRequestDoc =>
  bookingRequestDoc.parse({
    _id: 'request:k',
    key: 'k',
    sessionId: 'session:s',
    courseTitle: 'EFAW',
    location: 'A',
    sessionStart: '2031-06-03T08:00:00.000Z',
    attendees: [{ name: 'A' }, { name: 'B' }],
    state: 'sending',
    createdAt: '2031-01-01T00:00:00.000Z',
    ...fields,
  });

describe('pendingSeats', () => {
  const session = { _id: 'session:s', _rev: '2-x', holds: [] };

  it('counts requests on their way, not queued ones (their seats are not held)', () => {
    expect(pendingSeats(session, [request({ state: 'sending' }), request({ state: 'queued' })])).toBe(2);
  });

  it('counts a confirmed booking until the catalog shows its hold or a newer revision', () => {
    const confirmed = request({ state: 'confirmed', bookingId: 'booking:1', holdId: '1'.repeat(32), confirmedOnRev: '2-x' });
    expect(pendingSeats(session, [confirmed])).toBe(2);
    expect(pendingSeats({ ...session, holds: [{ holdId: '1'.repeat(32), seats: 2, at: '2031-01-01T00:00:00.000Z' }] }, [confirmed])).toBe(0);
    expect(pendingSeats({ ...session, _rev: '3-y' }, [confirmed])).toBe(0);
  });

  it('gives rejected seats back and ignores other sessions', () => {
    expect(pendingSeats(session, [request({ state: 'rejected' }), request({ sessionId: 'session:other' })])).toBe(0);
  });
});

describe('groupBookings', () => {
  const booking = (id: string, sessionStart: string, status: PublicBooking['status'] = 'confirmed'): PublicBooking => ({
    id,
    sessionId: 'session:s',
    courseId: 'course:c',
    sessionStart,
    seats: 1,
    holdId: id.padEnd(32, '0').slice(0, 32),
    attendees: [{ name: 'A' }],
    status,
    createdAt: '2030-01-01T00:00:00.000Z',
  });

  it('splits upcoming (soonest first) from past (latest first) and hides never-confirmed attempts', () => {
    const now = new Date('2031-01-01T00:00:00.000Z');
    const { upcoming, past } = groupBookings(
      [
        booking('late', '2031-03-01T09:00:00.000Z'),
        booking('soon', '2031-02-01T09:00:00.000Z', 'cancelled'),
        booking('old', '2030-01-01T09:00:00.000Z'),
        booking('older', '2029-01-01T09:00:00.000Z'),
        booking('refused', '2031-02-01T09:00:00.000Z', 'rejected'),
      ],
      now,
    );
    expect(upcoming.map((b) => b.id)).toEqual(['soon', 'late']);
    expect(past.map((b) => b.id)).toEqual(['old', 'older']);
  });
});

describe('session state in words', () => {
  const days = [{ start: '2031-06-03T08:00:00.000Z', end: '2031-06-03T15:30:00.000Z' }];
  const before = new Date('2031-06-01T12:00:00Z');
  const state = (status: 'scheduled' | 'cancelled' | 'completed', seatsLeft: number, now = before) =>
    sessionStateText(sessionState({ status, days }, seatsLeft, now), seatsLeft);

  it('never rests on colour alone', () => {
    expect(state('scheduled', 5)).toBe('5 seats left');
    expect(state('scheduled', 1)).toBe('Only 1 seat left');
    expect(state('scheduled', 0)).toBe('Full');
    expect(state('cancelled', 4)).toBe('Cancelled');
    expect(state('completed', 4)).toBe('Completed');
  });

  it('says booking has closed once the first day has started, by the same rule the server applies', () => {
    expect(state('scheduled', 4, new Date('2031-06-03T08:00:00.000Z'))).toBe('Booking closed');
    expect(state('scheduled', 0, new Date('2031-06-03T08:00:00.000Z'))).toBe('Full');
  });
});
