import { hasStarted } from '../../domain/booking-rules';
import type { DayRange, SessionDoc } from '../../domain/schemas/catalog';
import { SCHEDULE_HORIZON_YEARS, scheduleHorizon } from '../../domain/schemas/scheduling';
import { seatsBooked } from '../../domain/seats';
import { capacityBelowBooked, invalidField, sessionCancelled, sessionPast } from './errors';

/** A cancelled session, or one that has started, cannot be changed. */
export function assertEditable(session: Pick<SessionDoc, 'status' | 'days'>, now: Date): void {
  if (session.status === 'cancelled') throw sessionCancelled();
  if (session.status === 'completed' || hasStarted(session.days[0]!.start, now)) throw sessionPast();
}

/** Every day ends within the scheduling horizon. */
export function assertWithinHorizon(days: readonly DayRange[], now: Date, years = SCHEDULE_HORIZON_YEARS): void {
  const last = days.at(-1);
  if (last && Date.parse(last.end) > scheduleHorizon(now, years).getTime()) {
    throw invalidField('days', `Sessions can be scheduled at most ${years} years ahead.`);
  }
}

/** One day per course day, all in the future and within the scheduling horizon. */
export function assertDaysFit(days: readonly DayRange[], durationDays: number, now: Date, horizonYears?: number): void {
  if (days.length !== durationDays) {
    throw invalidField('days', `This course runs ${durationDays} day${durationDays > 1 ? 's' : ''}; give one start and end per day.`);
  }
  if (hasStarted(days[0]!.start, now)) throw invalidField('days', 'A session must start in the future.');
  assertWithinHorizon(days, now, horizonYears);
}

export function assertCapacityHolds(capacity: number, session: Pick<SessionDoc, 'holds'>): void {
  const booked = seatsBooked({ holds: session.holds ?? [] });
  if (capacity < booked) throw capacityBelowBooked(capacity, booked);
}
