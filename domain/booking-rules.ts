import type { BookingDoc } from './schemas/booking';
import type { SeatHold, SessionDoc } from './schemas/catalog';
import { MAX_SEATS, seatsLeft } from './seats';

export type HoldVerdict = 'ok' | 'session_full' | 'session_cancelled' | 'session_closed';

type SessionLedger = Pick<SessionDoc, 'status' | 'days' | 'capacity' | 'holds'>;

/** A session's first day start, as an instant in milliseconds. */
export const sessionStartMs = (session: Pick<SessionDoc, 'days'>): number => Date.parse(session.days[0]?.start ?? '');

export const hasStarted = (startIso: string, now: Date): boolean => now.getTime() >= Date.parse(startIso);

/**
 * The booking rule, for any view of the seats free: may `seats` more be booked on this session now?
 * Bookings close when the first day starts; cancelled and completed sessions take none.
 */
export function decideBooking(session: Pick<SessionDoc, 'status' | 'days'>, seatsFree: number, seats: number, now: Date): HoldVerdict {
  if (session.status === 'cancelled') return 'session_cancelled';
  if (session.status === 'completed' || now.getTime() >= sessionStartMs(session)) return 'session_closed';
  if (seatsFree < seats) return 'session_full';
  return 'ok';
}

/** May `seats` more seats be held on this session's ledger now? */
export const decideHold = (session: SessionLedger, seats: number, now: Date): HoldVerdict => decideBooking(session, seatsLeft(session), seats, now);

/** Open for booking now, given the seats the caller sees free (the ledger's, or less what this device has asked for). */
export const isBookable = (session: Pick<SessionDoc, 'status' | 'days'>, seatsFree: number, now: Date): boolean =>
  decideBooking(session, seatsFree, 1, now) === 'ok';

export type CancelVerdict = 'ok' | 'already_cancelled' | 'not_active' | 'session_started';

/** Owners may cancel until the session starts; the instructor may cancel at any time. */
export function decideCancel(booking: Pick<BookingDoc, 'status' | 'sessionStart'>, byInstructor: boolean, now: Date): CancelVerdict {
  if (booking.status === 'cancelled') return 'already_cancelled';
  if (booking.status === 'rejected') return 'not_active';
  if (!byInstructor && hasStarted(booking.sessionStart, now)) return 'session_started';
  return 'ok';
}

const byArrival = (a: SeatHold, b: SeatHold): number =>
  Date.parse(a.at) - Date.parse(b.at) || (a.holdId < b.holdId ? -1 : a.holdId > b.holdId ? 1 : 0);

/**
 * Merges the seat holds of conflicting revisions of one session, deterministically: holds whose
 * booking a customer was already told is confirmed keep their seats first, then earlier holds
 * (tie-break: hold id), up to the capacity; the rest are cut.
 */
export function mergeHolds(
  revisions: readonly (readonly SeatHold[])[],
  capacity: number,
  confirmed: ReadonlySet<string> = new Set(),
): { kept: SeatHold[]; cut: SeatHold[] } {
  const earliest = new Map<string, SeatHold>();
  for (const hold of revisions.flat()) {
    const seen = earliest.get(hold.holdId);
    if (!seen || byArrival(hold, seen) < 0) earliest.set(hold.holdId, hold);
  }
  const limit = Math.min(capacity, MAX_SEATS);
  const kept: SeatHold[] = [];
  const cut: SeatHold[] = [];
  let taken = 0;
  const byPromise = (a: SeatHold, b: SeatHold): number => Number(confirmed.has(b.holdId)) - Number(confirmed.has(a.holdId)) || byArrival(a, b);
  for (const hold of [...earliest.values()].sort(byPromise)) {
    if (taken + hold.seats <= limit) {
      kept.push(hold);
      taken += hold.seats;
    } else cut.push(hold);
  }
  return { kept: kept.sort(byArrival), cut };
}
