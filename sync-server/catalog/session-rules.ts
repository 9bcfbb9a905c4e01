import { hasStarted } from '../../domain/booking-rules';
import type { DayRange, SessionDoc } from '../../domain/schemas/catalog';
import { seatsBooked } from '../../domain/seats';
import { capacityBelowBooked, invalidField, sessionCancelled, sessionPast } from './errors';

/** A cancelled session, or one that has started, cannot be changed. */
export function assertEditable(session: Pick<SessionDoc, 'status' | 'days'>, now: Date): void {
  if (session.status === 'cancelled') throw sessionCancelled();
  if (session.status === 'completed' || hasStarted(session.days[0]!.start, now)) throw sessionPast();
}

/** One day per course day, all in the future. */
export function assertDaysFit(days: readonly DayRange[], durationDays: number, now: Date): void {
  if (days.length !== durationDays) {
    throw invalidField('days', `This course runs ${durationDays} day${durationDays > 1 ? 's' : ''}; give one start and end per day.`);
  }
  if (hasStarted(days[0]!.start, now)) throw invalidField('days', 'A session must start in the future.');
}

export function assertCapacityHolds(capacity: number, session: Pick<SessionDoc, 'holds'>): void {
  const booked = seatsBooked({ holds: session.holds ?? [] });
  if (capacity < booked) throw capacityBelowBooked(capacity, booked);
}
