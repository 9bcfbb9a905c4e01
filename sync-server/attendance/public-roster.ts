import type { RosterRow } from '../../domain/attendance-roster';
import { describeReason } from '../../domain/certificates';
import { toPublicCertificate, type AssessmentDoc, type AttendanceDoc } from '../../domain/schemas/attendance';

/** A mark as the API shows it: the document without CouchDB's bookkeeping. */
export const publicMark = <T extends AttendanceDoc | AssessmentDoc>({ _id: _omitId, _rev: _omitRev, type: _omitType, ...mark }: T) => mark;

export const publicRosterRow = (row: RosterRow) => ({
  bookingId: row.bookingId,
  attendee: row.attendee,
  name: row.name,
  email: row.email ?? null,
  contact: row.contact,
  days: row.days.map((mark) => (mark ? publicMark(mark) : null)),
  assessment: row.assessment ? publicMark(row.assessment) : null,
  certificate: row.certificate ? toPublicCertificate(row.certificate) : null,
  eligible: row.eligibility.eligible,
  reasons: row.eligibility.reasons.map(describeReason),
});
