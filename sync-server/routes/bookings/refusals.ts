import type { CancelVerdict } from '../../../domain/booking-rules';
import type { NextSessions } from '../../bookings/next-sessions';
import type { PlaceResult, Refusal } from '../../bookings/place-booking';
import { HttpError } from '../../http-error';
import { toPublicBooking } from '../../../domain/schemas/booking';

const MESSAGES: Record<Refusal, string> = {
  session_full: 'This session does not have enough seats left.',
  session_cancelled: 'This session was cancelled.',
  session_closed: 'Bookings for this session closed when it started.',
  session_not_found: 'There is no such session.',
  interrupted: 'This booking was interrupted before it was confirmed. Please book again.',
  overbooked_on_conflict: 'Another booking took the last seats at the same moment. Please choose another session.',
  cancelled_by_customer: 'This booking was cancelled.',
  cancelled_by_instructor: 'This booking was cancelled by the instructor.',
};

/** The one place that turns a booking refusal code into an HTTP answer. */
export async function placeRefusal(nextSessions: NextSessions, result: Extract<PlaceResult, { refused: Refusal }>, seats: number): Promise<HttpError> {
  const { refused, session, booking } = result;
  const details: Record<string, unknown> = booking ? { booking: toPublicBooking(booking) } : {};
  if (refused === 'session_not_found') return new HttpError(404, refused, MESSAGES[refused], details);
  if (refused === 'session_full' || refused === 'overbooked_on_conflict') {
    details.seatsLeft = result.seatsLeft;
    details.nextSessions = session ? await nextSessions.withRoom(session.courseId, seats, session._id) : [];
  }
  return new HttpError(409, refused, MESSAGES[refused], details);
}

export function cancelRefusal(verdict: Exclude<CancelVerdict, 'ok' | 'already_cancelled'> | 'not_found'): HttpError {
  if (verdict === 'session_started') return new HttpError(409, verdict, 'The session has started; only the instructor can cancel this booking now.');
  if (verdict === 'not_active') return new HttpError(409, verdict, 'This booking was never confirmed, so there is nothing to cancel.');
  return new HttpError(404, 'not_found', 'There is no such booking.');
}
