import { certificateExpiry } from '../../domain/certificates';
import type { RosterRow } from '../../domain/attendance-roster';
import { DB } from '../../domain/databases';
import { certificateDocId, DOC_TYPES } from '../../domain/doc-ids';
import { londonDate } from '../../domain/london-time';
import type { CertificateDoc } from '../../domain/schemas/attendance';
import { HttpError } from '../http-error';
import type { Couch } from '../plugins/couch';
import { loadSessionRoster } from '../attendance/session-roster';
import { reserveNumbers } from './reserve-numbers';

export interface IssueResult {
  issued: CertificateDoc[];
  alreadyIssued: CertificateDoc[];
  ineligible: RosterRow[];
}

type Selection = readonly { bookingId: string; attendee: number }[] | undefined;

function selectRows(rows: readonly RosterRow[], selection: Selection): RosterRow[] {
  if (!selection) return [...rows];
  return selection.map(({ bookingId, attendee }) => {
    const row = rows.find((candidate) => candidate.bookingId === bookingId && candidate.attendee === attendee);
    if (!row) throw new HttpError(400, 'unknown_attendee', `Booking ${bookingId} of this session has no attendee ${attendee}.`);
    return row;
  });
}

/**
 * Issues certificates to the eligible attendees of a session (all, or those selected). The id is
 * built from session, booking and attendee and written without a _rev, so a second issue of the
 * same certificate is a 409 and is reported as already issued: never two for one attendee.
 */
export async function issueCertificates(couch: Couch, sessionId: string, issuedBy: string, selection: Selection, now = new Date()): Promise<IssueResult> {
  const { session, course, rows } = await loadSessionRoster(couch, sessionId);
  if (!course || course.certificateValidityMonths === 0) {
    throw new HttpError(400, 'no_certificate', `${session.courseTitle} does not lead to a certificate.`);
  }
  const chosen = selectRows(rows, selection);
  const alreadyIssued = chosen.flatMap((row) => (row.certificate ? [row.certificate] : []));
  const ineligible = chosen.filter((row) => !row.certificate && !row.eligibility.eligible);
  const toIssue = chosen.filter((row) => !row.certificate && row.eligibility.eligible);
  if (!toIssue.length) return { issued: [], alreadyIssued, ineligible };

  const issuedOn = londonDate(now.toISOString());
  const numbers = await reserveNumbers(couch, Number(issuedOn.slice(0, 4)), toIssue.length);
  const docs: CertificateDoc[] = toIssue.map((row, index) => ({
    _id: certificateDocId(session._id, row.bookingId, row.attendee),
    type: DOC_TYPES.certificate,
    sessionId: session._id,
    bookingId: row.bookingId,
    attendee: row.attendee,
    sessionStart: session.days[0]!.start,
    number: numbers[index]!,
    attendeeName: row.name,
    courseId: course._id,
    courseTitle: course.title,
    issuedOn,
    expiresOn: certificateExpiry(issuedOn, course.certificateValidityMonths),
    issuedAt: now.toISOString(),
    issuedBy,
  }));
  const db = couch.sync.use<CertificateDoc>(DB.attendance);
  const results = await db.bulk({ docs });
  const issued: CertificateDoc[] = [];
  for (const [index, result] of results.entries()) {
    const doc = docs[index]!;
    if (!result.error) issued.push({ ...doc, _rev: result.rev! });
    else if (result.error === 'conflict') alreadyIssued.push(await db.get(doc._id));
    else throw new Error(`Writing ${doc._id} failed: ${result.error} ${result.reason ?? ''}`);
  }
  return { issued, alreadyIssued, ineligible };
}
