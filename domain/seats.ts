/** The seat rule: one home for the 12-seat limit. */
export const MAX_SEATS = 12;

/** A session's capacity and its seat ledger; the rule needs only each hold's seat count. */
export interface SeatLedger {
  capacity: number;
  holds: readonly { seats: number }[];
}

export const seatsBooked = (ledger: Pick<SeatLedger, 'holds'>): number =>
  ledger.holds.reduce((sum, hold) => sum + hold.seats, 0);

export const seatsLeft = (ledger: SeatLedger): number =>
  Math.max(0, Math.min(ledger.capacity, MAX_SEATS) - seatsBooked(ledger));

export const FEW_SEATS_LEFT = 3;

export type SeatState = 'available' | 'few-left' | 'full';

export const seatState = (left: number): SeatState =>
  left === 0 ? 'full' : left <= FEW_SEATS_LEFT ? 'few-left' : 'available';
