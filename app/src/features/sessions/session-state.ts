import { isBookable } from '../../../../domain/booking-rules';
import type { SessionDoc } from '../../../../domain/schemas/catalog';
import { seatState } from '../../../../domain/seats';
import { plural } from '../../shared/format';

export type SessionState = 'available' | 'few-left' | 'full' | 'closed' | 'cancelled' | 'completed';

/** Cancelled and completed outrank seats, and so does a start that has passed: none can be booked whatever its ledger says. */
export const sessionState = (session: Pick<SessionDoc, 'status' | 'days'>, seatsLeft: number, now: Date): SessionState => {
  if (session.status !== 'scheduled') return session.status;
  if (seatsLeft > 0 && !isBookable(session, seatsLeft, now)) return 'closed';
  return seatState(seatsLeft);
};

/** The state in words, so it never rests on colour: "Full", "Only 2 seats left", "Cancelled". */
export const sessionStateText = (state: SessionState, seatsLeft: number): string => {
  if (state === 'cancelled') return 'Cancelled';
  if (state === 'completed') return 'Completed';
  if (state === 'full') return 'Full';
  if (state === 'closed') return 'Booking closed';
  return state === 'few-left' ? `Only ${plural(seatsLeft, 'seat')} left` : `${plural(seatsLeft, 'seat')} left`;
};

/** A symbol that repeats the state for sighted users (hidden from screen readers, who hear the text). */
export const STATE_SYMBOL: Record<SessionState, string> = {
  available: '●',
  'few-left': '◐',
  full: '○',
  closed: '◌',
  cancelled: '✕',
  completed: '✓',
};
