import { DB } from '../../domain/databases';
import { certificateDocId, DOC_TYPES } from '../../domain/doc-ids';
import type { CertificateDoc } from '../../domain/schemas/attendance';
import type { BookingDoc } from '../../domain/schemas/booking';
import { bookingsByIds } from '../attendance/session-roster';
import type { PageSource } from '../lists/read-page';
import { viewRows } from '../lists/view-rows';
import type { Couch } from '../plugins/couch';

const attendanceDb = (couch: Couch) => couch.sync.use<CertificateDoc>(DB.attendance);
const isCertificate = (doc: unknown): doc is CertificateDoc => (doc as { type?: string } | null)?.type === DOC_TYPES.certificate;
const isBooking = (doc: unknown): doc is BookingDoc => (doc as { type?: string } | null)?.type === DOC_TYPES.booking;

/** London dates, both included. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * The certificates of one owner's bookings expiring in the range, newest session first. Only the
 * bookings know their owner, and a certificate's id starts with its session and booking ids, so
 * each page reads a batch of the owner's bookings, then their certificates by id in one request.
 */
export function certificatesOfOwner(couch: Couch, owner: string, expiring: DateRange): PageSource<CertificateDoc> {
  return {
    rows: viewRows(couch.sync.use<BookingDoc>(DB.bookings), 'bookings', 'by_owner', { prefix: [owner], start: [{}], end: [], descending: true }),
    items: async (rows) => {
      const bookings = rows.map(({ doc }) => (isBooking(doc) ? doc : null));
      const ids = bookings.map((booking) => (booking ? booking.attendees.map((_, attendee) => certificateDocId(booking.sessionId, booking._id, attendee)) : []));
      const keys = ids.flat();
      const found = keys.length ? (await attendanceDb(couch).fetch({ keys })).rows : [];
      const certificates = new Map(found.flatMap((row) => ('doc' in row && isCertificate(row.doc) ? [[row.doc._id, row.doc] as const] : [])));
      return ids.map((forBooking) =>
        forBooking.flatMap((id) => {
          const certificate = certificates.get(id);
          return certificate && certificate.expiresOn >= expiring.from && certificate.expiresOn <= expiring.to ? [certificate] : [];
        }),
      );
    },
  };
}

export interface ExpiringCertificate {
  certificate: CertificateDoc;
  booking: BookingDoc | undefined;
}

/** Certificates expiring in the range, soonest first, with their bookings for contact details. */
export function expiringCertificates(couch: Couch, expiring: DateRange): PageSource<ExpiringCertificate> {
  return {
    rows: viewRows(attendanceDb(couch), 'attendance', 'certificates_by_expiry', { start: [expiring.from], end: [expiring.to, {}] }),
    items: async (rows) => {
      const bookings = await bookingsByIds(couch, rows.flatMap(({ doc }) => (isCertificate(doc) ? [doc.bookingId] : [])));
      return rows.map(({ doc }) => (isCertificate(doc) ? [{ certificate: doc, booking: bookings.get(doc.bookingId) }] : []));
    },
  };
}
