import { certificateEligibility, type Eligibility } from './certificates';
import type { AssessmentDoc, AttendanceDoc, CertificateDoc } from './schemas/attendance';
import type { BookingDoc } from './schemas/booking';

export type RosterBooking = Pick<BookingDoc, '_id' | 'sessionId' | 'status' | 'attendees' | 'contact' | 'createdAt'>;

export interface RosterRow {
  bookingId: string;
  attendee: number;
  name: string;
  email: string | undefined;
  contact: RosterBooking['contact'];
  /** One entry per course day; undefined while unmarked. */
  days: (AttendanceDoc | undefined)[];
  assessment: AssessmentDoc | undefined;
  certificate: CertificateDoc | undefined;
  eligibility: Eligibility;
}

export const isActiveBooking = (booking: Pick<BookingDoc, 'status'>): boolean =>
  booking.status === 'confirmed' || booking.status === 'pending';

const attendeeKey = (bookingId: string, attendee: number): string => `${bookingId}\n${attendee}`;

/**
 * Every attendee of every active booking of one session, in booking order, with their marks per
 * day, assessment, certificate and eligibility. Shared by the device roster and the server.
 */
export function rosterRows(
  session: { id: string; days: number },
  bookings: readonly RosterBooking[],
  docs: { attendance: readonly AttendanceDoc[]; assessments: readonly AssessmentDoc[]; certificates: readonly CertificateDoc[] },
): RosterRow[] {
  const marks = new Map<string, (AttendanceDoc | undefined)[]>();
  for (const mark of docs.attendance) {
    if (mark.sessionId !== session.id || mark.day >= session.days) continue;
    const key = attendeeKey(mark.bookingId, mark.attendee);
    const days = marks.get(key) ?? Array<AttendanceDoc | undefined>(session.days).fill(undefined);
    days[mark.day] = mark;
    marks.set(key, days);
  }
  const bySession = <T extends { sessionId: string; bookingId: string; attendee: number }>(list: readonly T[]) =>
    new Map(list.filter((doc) => doc.sessionId === session.id).map((doc) => [attendeeKey(doc.bookingId, doc.attendee), doc]));
  const assessments = bySession(docs.assessments);
  const certificates = bySession(docs.certificates);

  return bookings
    .filter((booking) => booking.sessionId === session.id && isActiveBooking(booking))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id))
    .flatMap((booking) =>
      booking.attendees.map((person, attendee) => {
        const key = attendeeKey(booking._id, attendee);
        const days = marks.get(key) ?? Array<AttendanceDoc | undefined>(session.days).fill(undefined);
        const assessment = assessments.get(key);
        return {
          bookingId: booking._id,
          attendee,
          name: person.name,
          email: person.email,
          contact: booking.contact,
          days,
          assessment,
          certificate: certificates.get(key),
          eligibility: certificateEligibility(days.map((mark) => mark?.status), assessment?.result),
        };
      }),
    );
}
