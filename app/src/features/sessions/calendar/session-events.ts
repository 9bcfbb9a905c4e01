import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { floating } from '../../../shared/calendar/floating-dates';
import { sessionState, type SessionState } from '../session-state';

export interface SessionEvent {
  session: SessionDoc;
  /** 1-based course day, and how many there are. */
  day: number;
  days: number;
  seatsLeft: number;
  state: SessionState;
  /** Floating dates: local fields hold the London wall clock (see shared/calendar/floating-dates.ts). */
  start: Date;
  end: Date;
}

type Slots = readonly { start: Date; end: Date }[];
const slotsOf = new WeakMap<SessionDoc, Slots>();

/** Docs are immutable snapshots: their London dates are worked out once per revision. */
const slots = (session: SessionDoc): Slots => {
  let found = slotsOf.get(session);
  if (!found) {
    found = session.days.map((day) => ({ start: floating(day.start), end: floating(day.end) }));
    slotsOf.set(session, found);
  }
  return found;
};

/** One calendar event per course day, so the week view shows each day's real hours. */
export const toEvents = (sessions: readonly SessionDoc[], seatsLeftOf: (session: SessionDoc) => number, now: Date): SessionEvent[] =>
  sessions.flatMap((session) => {
    const seatsLeft = seatsLeftOf(session);
    const state = sessionState(session, seatsLeft, now);
    const all = slots(session);
    return all.map((slot, index) => ({ session, day: index + 1, days: all.length, seatsLeft, state, ...slot }));
  });
