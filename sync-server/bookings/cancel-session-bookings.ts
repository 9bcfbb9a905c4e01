import { DB } from '../../domain/databases';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { Couch } from '../plugins/couch';
import { ACTIVE_STATUSES, moveBooking } from './booking-status';
import { releaseHolds } from './ledger';

/** The pending and confirmed bookings of a session (the by_session view holds only those). */
export async function activeBookingsOf(couch: Couch, sessionId: string): Promise<BookingDoc[]> {
  const result = await couch.sync.use<BookingDoc>(DB.bookings).view<number>('bookings', 'by_session', {
    key: sessionId,
    reduce: false,
    include_docs: true,
  });
  return result.rows.flatMap((row) => (row.doc ? [row.doc as BookingDoc] : []));
}

/**
 * Cancels every pending or confirmed booking of a session that was cancelled, then frees their
 * seats. Bookings are cancelled before their holds go, so a crash in between leaves only holds of
 * cancelled bookings, which the recovery pass releases.
 */
export async function cancelSessionBookings(couch: Couch, sessionId: string): Promise<{ bookings: number; attendees: number }> {
  const deps = { couch };
  const cancelled: BookingDoc[] = [];
  for (const booking of await activeBookingsOf(couch, sessionId)) {
    const after = await moveBooking(deps, booking._id, ACTIVE_STATUSES, { to: 'cancelled', reason: 'session_cancelled' });
    if (after?.status === 'cancelled' && after.reason === 'session_cancelled') cancelled.push(after);
  }
  await releaseHolds(deps, sessionId, cancelled.map((booking) => booking.holdId));
  return { bookings: cancelled.length, attendees: cancelled.reduce((sum, booking) => sum + booking.seats, 0) };
}
