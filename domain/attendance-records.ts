import type { BookingStatus } from './schemas/booking';

export interface BookingOnRecord {
  sessionId: string;
  status: BookingStatus;
  attendees: readonly unknown[];
}

export type RecordProblem =
  | { code: 'unknown_booking'; bookingId: string }
  | { code: 'booking_of_other_session'; bookingId: string }
  | { code: 'booking_not_active'; bookingId: string; status: BookingStatus }
  | { code: 'unknown_attendee'; bookingId: string; attendee: number }
  | { code: 'unknown_day'; day: number };

/**
 * Does a mark (attendance, or an assessment when `day` is absent) name an attendee of this session?
 * `bookings` holds every booking the records name that exists, whatever its session.
 */
export function findRecordProblem(
  record: { bookingId: string; attendee: number; day?: number },
  session: { id: string; days: number },
  bookings: ReadonlyMap<string, BookingOnRecord>,
): RecordProblem | null {
  const booking = bookings.get(record.bookingId);
  if (!booking) return { code: 'unknown_booking', bookingId: record.bookingId };
  if (booking.sessionId !== session.id) return { code: 'booking_of_other_session', bookingId: record.bookingId };
  if (booking.status !== 'confirmed' && booking.status !== 'pending') {
    return { code: 'booking_not_active', bookingId: record.bookingId, status: booking.status };
  }
  if (record.attendee >= booking.attendees.length) return { code: 'unknown_attendee', bookingId: record.bookingId, attendee: record.attendee };
  if (record.day !== undefined && record.day >= session.days) return { code: 'unknown_day', day: record.day };
  return null;
}
