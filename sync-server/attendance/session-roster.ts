import type { DocumentScope } from 'nano';
import { isNotFound } from '../../couch/client';
import { rosterRows, type RosterRow } from '../../domain/attendance-roster';
import { DB } from '../../domain/databases';
import { DOC_TYPES } from '../../domain/doc-ids';
import type { AssessmentDoc, AttendanceDoc, CertificateDoc } from '../../domain/schemas/attendance';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { CourseDoc, SessionDoc } from '../../domain/schemas/catalog';
import { HttpError } from '../http-error';
import type { Couch } from '../plugins/couch';
import { resolveMarkConflicts } from './resolve-conflicts';

type SessionDocs = AttendanceDoc | AssessmentDoc | CertificateDoc;

export interface SessionRoster {
  session: SessionDoc;
  course: CourseDoc | null;
  bookings: BookingDoc[];
  attendance: AttendanceDoc[];
  assessments: AssessmentDoc[];
  certificates: CertificateDoc[];
  rows: RosterRow[];
}

const getOrNull = <T>(db: DocumentScope<T>, id: string) =>
  db.get(id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });

export async function findSession(couch: Couch, sessionId: string): Promise<SessionDoc> {
  const doc = sessionId.startsWith('session:') ? await getOrNull(couch.sync.use<SessionDoc>(DB.catalog), sessionId) : null;
  if (doc?.type !== DOC_TYPES.session) throw new HttpError(404, 'not_found', `There is no session ${sessionId}.`);
  return doc;
}

/** Bookings by id, whatever their session or status; missing ids are left out. */
export async function bookingsByIds(couch: Couch, ids: readonly string[]): Promise<Map<string, BookingDoc>> {
  const unique = [...new Set(ids)].filter((id) => id.startsWith('booking:'));
  if (!unique.length) return new Map();
  const result = await couch.sync.use<BookingDoc>(DB.bookings).fetch({ keys: unique });
  return new Map(result.rows.flatMap((row) => ('doc' in row && row.doc?.type === DOC_TYPES.booking ? [[row.doc._id, row.doc] as const] : [])));
}

async function sessionDocs(couch: Couch, sessionId: string): Promise<SessionDocs[]> {
  const db = couch.sync.use<SessionDocs & { _conflicts?: string[] }>(DB.attendance);
  const read = () => db.view('attendance', 'by_session', { startkey: [sessionId], endkey: [sessionId, {}], include_docs: true, conflicts: true });
  let result = await read();
  const conflicted = result.rows.filter((row) => row.doc?._conflicts?.length).map((row) => row.id);
  // Resolve before reading, so eligibility and registers never rest on a stale device's mark.
  if (conflicted.length) {
    for (const id of conflicted) await resolveMarkConflicts(db as never, id);
    result = await read();
  }
  return result.rows.flatMap((row) => (row.doc ? [row.doc] : []));
}

/** One session with its course, active bookings and every mark, assessment and certificate. */
export async function loadSessionRoster(couch: Couch, sessionId: string): Promise<SessionRoster> {
  const session = await findSession(couch, sessionId);
  const [course, bookingRows, docs] = await Promise.all([
    getOrNull(couch.sync.use<CourseDoc>(DB.catalog), session.courseId),
    couch.sync.use<BookingDoc>(DB.bookings).view('bookings', 'by_session', { key: sessionId, reduce: false, include_docs: true }),
    sessionDocs(couch, sessionId),
  ]);
  const bookings = bookingRows.rows.flatMap((row) => (row.doc?.type === DOC_TYPES.booking ? [row.doc] : []));
  const ofType = <T extends SessionDocs>(type: T['type']) => docs.filter((doc): doc is T => doc.type === type);
  const attendance = ofType<AttendanceDoc>(DOC_TYPES.attendance);
  const assessments = ofType<AssessmentDoc>(DOC_TYPES.assessment);
  const certificates = ofType<CertificateDoc>(DOC_TYPES.certificate);
  const rows = rosterRows({ id: session._id, days: session.days.length }, bookings, { attendance, assessments, certificates });
  return { session, course: course?.type === DOC_TYPES.course ? course : null, bookings, attendance, assessments, certificates, rows };
}
