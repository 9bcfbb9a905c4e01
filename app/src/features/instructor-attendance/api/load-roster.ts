import { mergeMarks } from '../../../../../domain/attendance-marks';
import { isActiveBooking, rosterRows, type RosterRow } from '../../../../../domain/attendance-roster';
import { DOC_TYPES } from '../../../../../domain/doc-ids';
import type { AssessmentDoc, AttendanceDoc, CertificateDoc } from '../../../../../domain/schemas/attendance';
import type { BookingDoc } from '../../../../../domain/schemas/booking';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import type { MarkDoc } from './resolve-conflicts';
import { localAttendance, localBookings, rosterWindow, type AttendanceDbDoc } from './roster-db';

export interface RosterSession {
  session: SessionDoc;
  rows: RosterRow[];
}

const docsWithPrefix = async <T extends object>(db: PouchDB.Database<T>, prefix: string, conflicts = false): Promise<(T & { _conflicts?: string[] })[]> => {
  const result = await db.allDocs({ include_docs: true, conflicts, startkey: `${prefix}:`, endkey: `${prefix}:\ufff0` });
  return result.rows.flatMap((row) => ('doc' in row && row.doc ? [row.doc as T & { _conflicts?: string[] }] : []));
};

/** A mark still in conflict shows as the merge every device will settle on, before it is written. */
async function settled(db: PouchDB.Database<AttendanceDbDoc>, doc: MarkDoc & { _conflicts?: string[] }): Promise<MarkDoc> {
  if (!doc._conflicts?.length) return doc;
  const losers = await Promise.all(doc._conflicts.map((rev) => db.get(doc._id, { rev }) as Promise<MarkDoc>));
  return mergeMarks([doc, ...losers]);
}

/**
 * The sessions of the roster window that have active bookings, soonest first, read from the device
 * only: `catalogSessions` as the catalog store holds them, the rest from this device's databases.
 */
export async function loadRoster(catalogSessions: readonly SessionDoc[], now = new Date()): Promise<RosterSession[]> {
  const { from, to } = rosterWindow(now);
  const attendanceDb = localAttendance();
  const [bookings, attendance, assessments, certificates] = await Promise.all([
    docsWithPrefix(localBookings(), DOC_TYPES.booking),
    docsWithPrefix(attendanceDb, DOC_TYPES.attendance, true).then((docs) => Promise.all(docs.map((doc) => settled(attendanceDb, doc as MarkDoc)))),
    docsWithPrefix(attendanceDb, DOC_TYPES.assessment, true).then((docs) => Promise.all(docs.map((doc) => settled(attendanceDb, doc as MarkDoc)))),
    docsWithPrefix(attendanceDb, DOC_TYPES.certificate),
  ]);
  const active = (bookings as BookingDoc[]).filter(isActiveBooking);
  const docs = {
    attendance: attendance as AttendanceDoc[],
    assessments: assessments as AssessmentDoc[],
    certificates: certificates as CertificateDoc[],
  };
  return catalogSessions
    .filter((session) => session.status !== 'cancelled' && session.days[0] && session.days[0].start >= from && session.days[0].start < to)
    .filter((session) => active.some((booking) => booking.sessionId === session._id))
    .sort((a, b) => a.days[0]!.start.localeCompare(b.days[0]!.start))
    .map((session) => ({ session, rows: rosterRows({ id: session._id, days: session.days.length }, active, docs) }));
}
