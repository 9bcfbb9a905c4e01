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

/** London dates, both included. */
export interface DateRange {
  from: string;
  to: string;
}

/** What the by_owner view says of a booking besides its key: enough to name its certificates. */
interface OwnedBooking {
  sessionId: string;
  seats: number;
}

const isOwnedBooking = (value: unknown): value is OwnedBooking =>
  typeof (value as OwnedBooking | null)?.sessionId === 'string' && Number.isInteger((value as OwnedBooking).seats);

/**
 * The certificates of one owner's bookings expiring in the range, newest session first. Only the
 * bookings know their owner, and a certificate's id is its session and booking ids and the
 * attendee, so each page reads a batch of the owner's by_owner rows (key [sessionStart, bookingId],
 * value {sessionId, seats}: no booking document, which is most of the cost of a row), then their
 * certificates by id in one request. An owner with many bookings and few certificates in the range
 * is read in growing batches (see readPage).
 */
export function certificatesOfOwner(couch: Couch, owner: string, expiring: DateRange): PageSource<CertificateDoc> {
  return {
    rows: viewRows(couch.sync.use<BookingDoc>(DB.bookings), 'bookings', 'by_owner', { prefix: [owner], start: [{}], end: [], descending: true, docs: false }),
    items: async (rows) => {
      const ids = rows.map(({ key, value }) => {
        const bookingId = (key as unknown[])[1];
        if (!isOwnedBooking(value) || typeof bookingId !== 'string') return [];
        return Array.from({ length: value.seats }, (_, attendee) => certificateDocId(value.sessionId, bookingId, attendee));
      });
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
