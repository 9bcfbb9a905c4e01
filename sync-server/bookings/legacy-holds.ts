import { conditionalWrite, type Decision } from '../../couch/client/conditional-write';
import { newHoldId } from '../../domain/doc-ids';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import type { SeatHold } from '../../domain/schemas/catalog';
import { bookingsDb, catalogDb, type BookingDeps } from './deps';

/** A hold as ledgers written before hold ids stored it: keyed by the booking id. */
type StoredHold = SeatHold | { bookingId: string; seats: number; at: string };

const isLegacy = (hold: StoredHold): hold is Extract<StoredHold, { bookingId: string }> => !('holdId' in hold) || !hold.holdId;

/** Gives a booking a hold id if it has none; answers the booking as stored afterwards. */
async function keyBooking(deps: BookingDeps, id: string): Promise<BookingDoc | null> {
  const { booking } = await conditionalWrite(
    bookingsDb(deps),
    id,
    (current): Decision<BookingDoc, { booking: BookingDoc | null }> => {
      if (!current || current.holdId) return { done: { booking: current } };
      const keyed = { ...current, holdId: newHoldId() };
      return { write: keyed, result: { booking: keyed } };
    },
    deps.retry,
  );
  return booking;
}

/** Rewrites a session's legacy holds to the hold ids of their bookings (a fresh id when the booking is gone). */
async function rekeySession(deps: BookingDeps, sessionId: string, holdIdOf: Map<string, string>): Promise<void> {
  await conditionalWrite(
    catalogDb(deps),
    sessionId,
    (current): Decision<SessionDoc, Record<string, never>> => {
      const holds = (current?.holds ?? []) as StoredHold[];
      if (!current || !holds.some(isLegacy)) return { done: {} };
      const rekeyed = holds.map((hold): SeatHold => (isLegacy(hold) ? { holdId: holdIdOf.get(hold.bookingId) ?? newHoldId(), seats: hold.seats, at: hold.at } : hold));
      return { write: { ...current, holds: rekeyed }, result: {} };
    },
    deps.retry,
  );
}

/**
 * Databases written before seat holds had their own ids keyed the public ledger by booking id.
 * Gives every active booking without one a hold id, then rewrites legacy holds to those ids; a hold
 * whose booking no longer exists gets a fresh id, which no booking carries, so recovery releases it.
 * Bookings go first, so a crash in between leaves only work the next pass finishes.
 * Answers whether anything was rewritten (the caller then reads again).
 */
export async function migrateLegacyHolds(deps: BookingDeps, active: readonly BookingDoc[], sessions: readonly SessionDoc[]): Promise<boolean> {
  const legacy = sessions.filter((session) => (session.holds as StoredHold[]).some(isLegacy));
  const unkeyed = active.filter((booking) => !booking.holdId);
  if (!legacy.length && !unkeyed.length) return false;
  const heldBy = legacy.flatMap((session) => (session.holds as StoredHold[]).filter(isLegacy).map((hold) => hold.bookingId));
  const holdIdOf = new Map<string, string>();
  for (const id of new Set([...unkeyed.map((booking) => booking._id), ...heldBy])) {
    const booking = await keyBooking(deps, id);
    if (booking?.holdId) holdIdOf.set(id, booking.holdId);
  }
  for (const session of legacy) await rekeySession(deps, session._id, holdIdOf);
  return true;
}
