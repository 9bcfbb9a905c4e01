/** Documents shaped as the sync-server writes them, for filling lists straight through `_bulk_docs`. */
import { randomUUID } from 'node:crypto';
import { couchAs } from '../../couch/client';
import type { Account } from '../../couch/setup/credentials';
import type { DbName } from '../../domain/databases';
import { bookingDocId, certificateDocId, courseDocId, newHoldId, sessionDocId } from '../../domain/doc-ids';
import type { CertificateDoc } from '../../domain/schemas/attendance';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { CourseDoc, SessionDoc } from '../../domain/schemas/catalog';

export const listCourse = (title = `List course ${randomUUID().slice(0, 6)}`): CourseDoc => {
  const code = `L${randomUUID().slice(0, 8)}`;
  return {
    _id: courseDocId(code),
    type: 'course',
    code,
    title,
    description: '',
    durationDays: 1,
    dailyStart: '09:00',
    dailyEnd: '16:30',
    pricePence: 9500,
    certificateValidityMonths: 36,
    active: true,
  };
};

export const listSession = (course: CourseDoc, start: Date, fields: Partial<SessionDoc> = {}): SessionDoc => ({
  _id: sessionDocId(),
  type: 'session',
  courseId: course._id,
  courseTitle: course.title,
  location: 'A',
  days: [{ start: start.toISOString(), end: new Date(start.getTime() + 7.5 * 3600_000).toISOString() }],
  capacity: 12,
  status: 'scheduled',
  notes: '',
  holds: [],
  updatedAt: start.toISOString(),
  ...fields,
});

export const listBooking = (session: SessionDoc, owner: string, fields: Partial<BookingDoc> = {}): BookingDoc => {
  const attendees = fields.attendees ?? [{ name: 'Ada Attendee' }];
  return {
    _id: bookingDocId(),
    type: 'booking',
    owner,
    sessionId: session._id,
    courseId: session.courseId,
    sessionStart: session.days[0]!.start,
    seats: attendees.length,
    holdId: newHoldId(),
    attendees,
    contact: { name: 'Pat Contact', email: owner },
    status: 'confirmed',
    createdAt: new Date().toISOString(),
    confirmedAt: new Date().toISOString(),
    ...fields,
  };
};

let issued = 0;
export const listCertificate = (booking: BookingDoc, attendee: number, expiresOn: string): CertificateDoc => ({
  _id: certificateDocId(booking.sessionId, booking._id, attendee),
  type: 'certificate',
  sessionId: booking.sessionId,
  bookingId: booking._id,
  attendee,
  sessionStart: booking.sessionStart,
  number: `RFT-2099-${String(++issued).padStart(6, '0')}-${process.pid}`,
  attendeeName: booking.attendees[attendee]!.name,
  courseId: booking.courseId,
  courseTitle: 'List course',
  issuedOn: booking.sessionStart.slice(0, 10),
  expiresOn,
  issuedAt: booking.sessionStart,
  issuedBy: 'instructor@test.example',
});

/** Writes documents as the sync-server's account, in batches; throws when any is refused. */
export async function bulkWrite(couch: { url: string; sync: Account }, db: DbName, docs: readonly object[], batch = 2_000): Promise<void> {
  const scope = couchAs(couch.url, couch.sync).use(db);
  for (let i = 0; i < docs.length; i += batch) {
    const results = await scope.bulk({ docs: docs.slice(i, i + batch) as never[] });
    const failed = results.filter((result) => result.error);
    if (failed.length) throw new Error(`${failed.length} documents refused by ${db}: ${failed[0]!.error} ${failed[0]!.reason ?? ''}`);
  }
}
