import { revGeneration } from '../../couch/client/revisions';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { seatsLeft } from '../../domain/seats';
import type { CalendarEvent } from './ics';

const UID_DOMAIN = 'reactfasttraining.co.uk';

type EventDetails = Pick<CalendarEvent, 'description' | 'status' | 'sequence' | 'lastModified'>;

/**
 * One event per course day, not one event with an RRULE: the days of a session are explicit time
 * slots that need not be consecutive, which a recurrence rule cannot state, and RDATE periods are
 * ignored by common phone calendars.
 */
function dayEvents(session: SessionDoc, uidPrefix: string, details: EventDetails): CalendarEvent[] {
  return session.days.map((day, index) => ({
    uid: `${uidPrefix}-day${index + 1}@${UID_DOMAIN}`,
    start: day.start,
    end: day.end,
    summary: session.days.length > 1 ? `${session.courseTitle} (day ${index + 1} of ${session.days.length})` : session.courseTitle,
    location: `Location ${session.location}`,
    ...details,
  }));
}

/** The public calendar: every day of a scheduled session, with the seats left. */
export function publicSessionEvents(session: SessionDoc): CalendarEvent[] {
  const left = seatsLeft({ capacity: session.capacity, holds: session.holds ?? [] });
  return dayEvents(session, session._id, {
    description: `${left} of ${session.capacity} seats left.`,
    status: 'CONFIRMED',
    sequence: revGeneration(session._rev),
    lastModified: session.updatedAt,
  });
}

/** A customer's private calendar: every day of a session they hold seats on. */
export function bookingEvents(session: SessionDoc, booking: BookingDoc): CalendarEvent[] {
  const seats = booking.seats === 1 ? '1 seat' : `${booking.seats} seats`;
  const confirmed = booking.status === 'confirmed';
  const bookingChangedAt = booking.confirmedAt ?? booking.createdAt;
  return dayEvents(session, booking._id, {
    description: `Your booking: ${seats}, ${confirmed ? 'confirmed' : 'waiting for confirmation'}.`,
    status: confirmed ? 'CONFIRMED' : 'TENTATIVE',
    // Either document's edits must bump it, and both generations only grow.
    sequence: revGeneration(session._rev) + revGeneration(booking._rev),
    lastModified: bookingChangedAt > session.updatedAt ? bookingChangedAt : session.updatedAt,
  });
}
