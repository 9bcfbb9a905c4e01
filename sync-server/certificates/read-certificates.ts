import { DB } from '../../domain/databases';
import { DOC_TYPES } from '../../domain/doc-ids';
import { addDaysToDate, londonDate } from '../../domain/london-time';
import type { CertificateDoc } from '../../domain/schemas/attendance';
import type { BookingDoc } from '../../domain/schemas/booking';
import { bookingsByIds } from '../attendance/session-roster';
import type { Couch } from '../plugins/couch';

const attendanceDb = (couch: Couch) => couch.sync.use<CertificateDoc>(DB.attendance);
const isCertificate = (doc: unknown): doc is CertificateDoc => (doc as { type?: string } | null)?.type === DOC_TYPES.certificate;

/** The certificates of one owner's bookings: certificate ids start with session and booking id. */
export async function certificatesOfOwner(couch: Couch, owner: string): Promise<CertificateDoc[]> {
  const bookings = await couch.sync.use<BookingDoc>(DB.bookings).view('bookings', 'by_owner', { startkey: [owner], endkey: [owner, {}], include_docs: true });
  const lists = await Promise.all(
    bookings.rows.flatMap((row) => (row.doc ? [row.doc] : [])).map(async (booking) => {
      const prefix = `certificate:${booking.sessionId}:${booking._id}:`;
      const result = await attendanceDb(couch).list({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
      return result.rows.flatMap((row) => (isCertificate(row.doc) ? [row.doc] : []));
    }),
  );
  return lists.flat().sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.number.localeCompare(b.number));
}

export interface ExpiringCertificate {
  certificate: CertificateDoc;
  booking: BookingDoc | undefined;
}

/** Certificates expiring from today (London) to `days` ahead, soonest first, with their bookings for contact details. */
export async function expiringCertificates(couch: Couch, days: number, now = new Date()): Promise<ExpiringCertificate[]> {
  const today = londonDate(now.toISOString());
  const result = await attendanceDb(couch).view('attendance', 'certificates_by_expiry', {
    startkey: today,
    endkey: addDaysToDate(today, days),
    include_docs: true,
  });
  const certificates = result.rows.flatMap((row) => (isCertificate(row.doc) ? [row.doc] : []));
  const bookings = await bookingsByIds(couch, certificates.map((certificate) => certificate.bookingId));
  return certificates.map((certificate) => ({ certificate, booking: bookings.get(certificate.bookingId) }));
}
