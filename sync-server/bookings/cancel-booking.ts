import { conditionalWrite, type Decision } from '../../couch/client/conditional-write';
import { decideCancel, type CancelVerdict } from '../../domain/booking-rules';
import type { BookingDoc } from '../../domain/schemas/booking';
import { bookingsDb, nowOf, reached, type BookingDeps } from './deps';
import { releaseHolds } from './ledger';

type Cancelled = { verdict: CancelVerdict | 'not_found'; booking: BookingDoc | null };

/**
 * Cancels a booking, then frees its seats. The booking changes first, so a crash in between leaves
 * a hold of a cancelled booking, which the recovery pass releases.
 */
export async function cancelBooking(deps: BookingDeps, bookingId: string, byInstructor: boolean): Promise<Cancelled> {
  const { verdict, booking } = await conditionalWrite(
    bookingsDb(deps),
    bookingId,
    (current): Decision<BookingDoc, Cancelled> => {
      if (!current) return { done: { verdict: 'not_found', booking: null } };
      const now = nowOf(deps);
      const verdict = decideCancel(current, byInstructor, now);
      if (verdict !== 'ok') return { done: { verdict, booking: current } };
      const next: BookingDoc = {
        ...current,
        status: 'cancelled',
        reason: byInstructor ? 'cancelled_by_instructor' : 'cancelled_by_customer',
        cancelledAt: now.toISOString(),
      };
      return { write: next, result: { verdict, booking: next } };
    },
    deps.retry,
  );
  if (booking && (verdict === 'ok' || verdict === 'already_cancelled')) {
    if (verdict === 'ok') await reached(deps, 'booking-cancelled', booking._id);
    await releaseHolds(deps, booking.sessionId, [booking.holdId]);
  }
  return { verdict, booking };
}
