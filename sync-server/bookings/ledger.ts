import { conditionalWrite, type Decision } from '../../couch/conditional-write';
import { decideHold, type HoldVerdict } from '../../domain/booking-rules';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { seatsLeft } from '../../domain/seats';
import { catalogDb, nowOf, type BookingDeps } from './deps';

type Held = { verdict: HoldVerdict | 'session_not_found'; seatsLeft: number };
export type HoldOutcome = Held & { retries: number };

/** Adds the booking's hold to its session's seat ledger, unless it is there already or does not fit. */
export async function holdSeats(deps: BookingDeps, booking: Pick<BookingDoc, '_id' | 'sessionId' | 'seats'>): Promise<HoldOutcome> {
  return conditionalWrite(
    catalogDb(deps),
    booking.sessionId,
    (session): Decision<SessionDoc, Held> => {
      if (!session || session.type !== 'session') return { done: { verdict: 'session_not_found', seatsLeft: 0 } };
      const holds = session.holds ?? [];
      const ledger = { ...session, holds };
      if (holds.some((hold) => hold.bookingId === booking._id)) return { done: { verdict: 'ok', seatsLeft: seatsLeft(ledger) } };
      const now = nowOf(deps);
      const verdict = decideHold(ledger, booking.seats, now);
      if (verdict !== 'ok') return { done: { verdict, seatsLeft: seatsLeft(ledger) } };
      const next = { ...session, holds: [...holds, { bookingId: booking._id, seats: booking.seats, at: now.toISOString() }] };
      return { write: next, result: { verdict, seatsLeft: seatsLeft(next) } };
    },
    deps.retry,
  );
}

/** Removes the holds of these bookings from a session's ledger; the seats are free at once. */
export async function releaseHolds(deps: BookingDeps, sessionId: string, bookingIds: readonly string[]): Promise<number> {
  const releasing = new Set(bookingIds);
  const { released } = await conditionalWrite(
    catalogDb(deps),
    sessionId,
    (session): Decision<SessionDoc, { released: number }> => {
      const holds = session?.holds ?? [];
      const kept = holds.filter((hold) => !releasing.has(hold.bookingId));
      if (!session || kept.length === holds.length) return { done: { released: 0 } };
      return { write: { ...session, holds: kept }, result: { released: holds.length - kept.length } };
    },
    deps.retry,
  );
  return released;
}
