import { describe, expect, it } from 'vitest';
import { findRecordProblem, type BookingOnRecord } from '../../../domain/attendance-records';

const session = { id: 'session:s', days: 2 };
const bookings = new Map<string, BookingOnRecord>([
  ['booking:a', { sessionId: 'session:s', status: 'confirmed', attendees: [{}, {}] }],
  ['booking:other', { sessionId: 'session:t', status: 'confirmed', attendees: [{}] }],
  ['booking:gone', { sessionId: 'session:s', status: 'cancelled', attendees: [{}] }],
]);

describe('findRecordProblem', () => {
  it('accepts an attendee and day of the session', () => {
    expect(findRecordProblem({ bookingId: 'booking:a', attendee: 1, day: 1 }, session, bookings)).toBeNull();
    expect(findRecordProblem({ bookingId: 'booking:a', attendee: 0 }, session, bookings)).toBeNull();
  });

  it('names the unknown booking, attendee or day', () => {
    expect(findRecordProblem({ bookingId: 'booking:x', attendee: 0, day: 0 }, session, bookings)).toEqual({ code: 'unknown_booking', bookingId: 'booking:x' });
    expect(findRecordProblem({ bookingId: 'booking:a', attendee: 2, day: 0 }, session, bookings)).toEqual({ code: 'unknown_attendee', bookingId: 'booking:a', attendee: 2 });
    expect(findRecordProblem({ bookingId: 'booking:a', attendee: 0, day: 2 }, session, bookings)).toEqual({ code: 'unknown_day', day: 2 });
  });

  it('refuses a booking of another session, or one no longer active', () => {
    expect(findRecordProblem({ bookingId: 'booking:other', attendee: 0, day: 0 }, session, bookings)).toEqual({ code: 'booking_of_other_session', bookingId: 'booking:other' });
    expect(findRecordProblem({ bookingId: 'booking:gone', attendee: 0, day: 0 }, session, bookings)).toEqual({ code: 'booking_not_active', bookingId: 'booking:gone', status: 'cancelled' });
  });
});
