/** The seat rule: one home for the 12-seat limit. */
export const MAX_SEATS = 12;

/**
 * One entry of a session's public seat ledger. `holdId` is an opaque random id that only the
 * booking document (private) also carries, so the public catalog never names a booking.
 */
export interface SeatHold {
  holdId: string;
  seats: number;
  at: string;
}

export interface SeatLedger {
  capacity: number;
  holds: readonly SeatHold[];
}

export const seatsBooked = (ledger: Pick<SeatLedger, 'holds'>): number =>
  ledger.holds.reduce((sum, hold) => sum + hold.seats, 0);

export const seatsLeft = (ledger: SeatLedger): number =>
  Math.max(0, Math.min(ledger.capacity, MAX_SEATS) - seatsBooked(ledger));

export const FEW_SEATS_LEFT = 3;

export type SeatState = 'available' | 'few-left' | 'full';

export const seatState = (left: number): SeatState =>
  left === 0 ? 'full' : left <= FEW_SEATS_LEFT ? 'few-left' : 'available';
