import { conditionalWrite } from '../../couch/client/conditional-write';
import type { BookingDoc, BookingReason, BookingStatus } from '../../domain/schemas/booking';
import { DB } from '../../domain/databases';
import { bookingsDb, nowOf, writeOptions, type BookingDeps } from './deps';

type Transition = { to: 'confirmed' } | { to: 'cancelled' | 'rejected'; reason: BookingReason };

const stampFor = (to: BookingStatus): 'confirmedAt' | 'cancelledAt' | null =>
  to === 'confirmed' ? 'confirmedAt' : to === 'cancelled' ? 'cancelledAt' : null;

/**
 * Moves a booking to a new status if it is still in one of `from`; answers the booking as it is
 * afterwards (or null when it does not exist), so a caller that lost a race sees who won. `known`
 * is the revision the caller holds, written without reading it again unless it has changed.
 */
export async function moveBooking(
  deps: BookingDeps,
  bookingId: string,
  from: readonly BookingStatus[],
  transition: Transition,
  known?: BookingDoc,
): Promise<BookingDoc | null> {
  const { booking } = await conditionalWrite(
    bookingsDb(deps),
    bookingId,
    (current) => {
      if (!current || !from.includes(current.status)) return { done: { booking: current } };
      const stamp = stampFor(transition.to);
      const next: BookingDoc = {
        ...current,
        status: transition.to,
        ...('reason' in transition ? { reason: transition.reason } : {}),
        ...(stamp ? { [stamp]: nowOf(deps).toISOString() } : {}),
      };
      return { write: next, result: { booking: next as BookingDoc | null } };
    },
    writeOptions(deps, DB.bookings, known),
  );
  return booking;
}

export const ACTIVE_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed'];
