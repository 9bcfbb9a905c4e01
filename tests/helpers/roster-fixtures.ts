import { randomUUID } from 'node:crypto';
import { couchAs } from '../../couch/client';
import { DB } from '../../domain/databases';
import { bookingDocId, courseDocId, newHoldId, sessionDocId } from '../../domain/doc-ids';
import type { Attendee, BookingDoc } from '../../domain/schemas/booking';
import type { CourseDoc, SessionDoc } from '../../domain/schemas/catalog';
import type { TestCouch } from './test-couch';

export interface FixtureBooking {
  owner: string;
  attendees: Attendee[];
  contact?: { name: string; email: string };
  status?: BookingDoc['status'];
}

const DAY_MS = 24 * 3600_000;

/**
 * A multi-day course, one session starting at `start`, and confirmed bookings with their seat
 * holds, written straight into CouchDB as the sync-server's account (as the booking validator would).
 */
export async function insertSessionWithBookings(
  couch: TestCouch,
  options: { title: string; start: Date; days?: number; validityMonths?: number; bookings: FixtureBooking[] },
): Promise<{ course: CourseDoc; session: SessionDoc; bookings: BookingDoc[] }> {
  const server = couchAs(couch.url, couch.sync);
  const code = `R${randomUUID().slice(0, 8)}`;
  const days = options.days ?? 2;
  const course: CourseDoc = {
    _id: courseDocId(code),
    type: 'course',
    code,
    title: options.title,
    description: 'A roster course written by a test.',
    durationDays: days,
    dailyStart: '09:00',
    dailyEnd: '16:30',
    pricePence: 20000,
    certificateValidityMonths: options.validityMonths ?? 36,
    active: true,
  };
  const sessionId = sessionDocId();
  const sessionStart = options.start.toISOString();
  const now = new Date().toISOString();
  const bookings: BookingDoc[] = options.bookings.map((booking, index) => ({
    _id: bookingDocId(),
    type: 'booking',
    owner: booking.owner,
    sessionId,
    courseId: course._id,
    sessionStart,
    seats: booking.attendees.length,
    holdId: newHoldId(),
    attendees: booking.attendees,
    contact: booking.contact ?? { name: `Contact ${index}`, email: booking.owner },
    status: booking.status ?? 'confirmed',
    createdAt: new Date(Date.now() + index).toISOString(),
    confirmedAt: now,
  }));
  const session: SessionDoc = {
    _id: sessionId,
    type: 'session',
    courseId: course._id,
    courseTitle: course.title,
    location: 'B',
    days: Array.from({ length: days }, (_, day) => {
      const start = options.start.getTime() + day * DAY_MS;
      return { start: new Date(start).toISOString(), end: new Date(start + 7.5 * 3600_000).toISOString() };
    }),
    capacity: 12,
    status: 'scheduled',
    notes: '',
    holds: bookings.filter((b) => b.status === 'confirmed').map((booking) => ({ holdId: booking.holdId, seats: booking.seats, at: booking.createdAt })),
    updatedAt: now,
  };
  await server.use(DB.catalog).bulk({ docs: [course, session] as never[] });
  if (bookings.length) await server.use(DB.bookings).bulk({ docs: bookings as never[] });
  return { course, session, bookings };
}
