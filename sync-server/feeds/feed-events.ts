import { revGeneration } from '../../couch/client/revisions';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { seatsLeft } from '../../domain/seats';
import type { Change } from './changes';

export type FeedEventName = 'session-created' | 'session-update' | 'session-cancelled' | 'booking-confirmed';

export interface FeedEvent {
  name: FeedEventName;
  data: Record<string, unknown>;
}

/**
 * A catalog change as a seed event. A changes feed shows only a document's latest revision, so
 * "created" means revision generation 1; a session first seen at a later revision is an update.
 */
export function catalogEvent(change: Change): FeedEvent | null {
  if (!change.id.startsWith('session:')) return null;
  if (change.deleted) return { name: 'session-cancelled', data: { sessionId: change.id, deleted: true } };
  const session = change.doc as SessionDoc | undefined;
  if (session?.type !== 'session') return null;
  const rev = session._rev ?? change.changes[0]?.rev ?? '';
  const data = {
    sessionId: session._id,
    rev,
    courseId: session.courseId,
    courseTitle: session.courseTitle,
    location: session.location,
    days: session.days,
    capacity: session.capacity,
    seatsLeft: seatsLeft({ capacity: session.capacity, holds: session.holds ?? [] }),
    status: session.status,
    ...(session.seriesId ? { seriesId: session.seriesId } : {}),
  };
  if (session.status === 'cancelled') return { name: 'session-cancelled', data };
  return { name: revGeneration(rev) === 1 ? 'session-created' : 'session-update', data };
}

/** A bookings change as a seed event: only a confirmed booking is one. */
export function bookingEvent(change: Change): FeedEvent | null {
  const booking = change.doc as BookingDoc | undefined;
  if (change.deleted || booking?.type !== 'booking' || booking.status !== 'confirmed') return null;
  return {
    name: 'booking-confirmed',
    data: {
      bookingId: booking._id,
      rev: booking._rev,
      sessionId: booking.sessionId,
      courseId: booking.courseId,
      sessionStart: booking.sessionStart,
      seats: booking.seats,
      status: booking.status,
      contact: booking.contact,
      createdAt: booking.createdAt,
      confirmedAt: booking.confirmedAt,
    },
  };
}
