import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { seatsBooked } from '../../../../../domain/seats';
import { floating } from '../../../shared/calendar/floating-dates';

export type ScheduleState = 'available' | 'full' | 'cancelled' | 'completed';

export interface ScheduleEvent {
  session: SessionDoc;
  /** 1-based course day, and how many there are. */
  day: number;
  days: number;
  seatsTaken: number;
  state: ScheduleState;
  start: Date;
  end: Date;
}

const stateOf = (session: SessionDoc, taken: number): ScheduleState =>
  session.status !== 'scheduled' ? session.status : taken >= session.capacity ? 'full' : 'available';

/** One event per course day, so the week shows each day's real hours; seats taken come from the ledger's holds. */
export const toScheduleEvents = (sessions: readonly SessionDoc[]): ScheduleEvent[] =>
  sessions.flatMap((session) => {
    const seatsTaken = seatsBooked(session);
    const state = stateOf(session, seatsTaken);
    return session.days.map((day, index) => ({
      session,
      day: index + 1,
      days: session.days.length,
      seatsTaken,
      state,
      start: floating(day.start),
      end: floating(day.end),
    }));
  });

/** "3/12 booked", or the status when the session no longer runs. */
export const seatsText = ({ state, seatsTaken, session }: Pick<ScheduleEvent, 'state' | 'seatsTaken' | 'session'>): string =>
  state === 'cancelled' ? 'Cancelled' : state === 'completed' ? `Completed, ${seatsTaken}/${session.capacity} booked` : `${seatsTaken}/${session.capacity} booked`;
