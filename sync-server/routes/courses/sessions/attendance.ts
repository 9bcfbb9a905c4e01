import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findRecordProblem } from '../../../../domain/attendance-records';
import { DB, ROLES } from '../../../../domain/databases';
import { londonDate } from '../../../../domain/london-time';
import { assessmentMark, attendanceMark, type MarkContext } from '../../../../domain/mark-docs';
import {
  assessmentRequest,
  attendanceRequest,
  issueRequest,
  toPublicCertificate,
  type AssessmentDoc,
  type AttendanceDoc,
} from '../../../../domain/schemas/attendance';
import type { SessionDoc } from '../../../../domain/schemas/catalog';
import { couchAsCaller } from '../../../attendance/caller-couch';
import { publicMark, publicRosterRow } from '../../../attendance/public-roster';
import { registerCsv } from '../../../attendance/register-csv';
import { bookingsByIds, findSession, loadSessionRoster } from '../../../attendance/session-roster';
import { writeMarks } from '../../../attendance/write-marks';
import { issueCertificates } from '../../../certificates/issue-certificates';
import { parseInput } from '../../../http-error';
import { requireRole } from '../../../plugins/session';
import { recordRefusal } from './attendance-refusals';

const sessionParams = z.object({ id: z.string().min(1).max(200) });

/** Every record must name an attendee (and day) of this session; the first that does not is the 400. */
async function checkRecords(app: FastifyInstance, session: SessionDoc, records: readonly { bookingId: string; attendee: number; day?: number }[]) {
  const bookings = await bookingsByIds(app.couch, records.map((record) => record.bookingId));
  records.forEach((record, index) => {
    const problem = findRecordProblem(record, { id: session._id, days: session.days.length }, bookings);
    if (problem) throw recordRefusal(problem, index);
  });
}

/** The instructor's session routes: attendance, assessments, certificates and the register. */
export default async function attendanceRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireRole(ROLES.instructor));
  const markedBy = (request: FastifyRequest): string => request.user!.name;

  app.get('/:id/attendance', async (request) => {
    const { id } = parseInput(sessionParams, request.params);
    const { session, rows, attendance } = await loadSessionRoster(app.couch, id);
    return { sessionId: session._id, days: session.days, attendance: attendance.map(publicMark), attendees: rows.map(publicRosterRow) };
  });

  /** Attendance and assessments are written alike: check every record, build each mark, merge it into what is stored. */
  const markRoute = <R extends { bookingId: string; attendee: number; day?: number }, D extends AttendanceDoc | AssessmentDoc>(
    path: 'attendance' | 'assessments',
    schema: z.ZodType<{ records: R[] }>,
    build: (context: MarkContext, record: R) => D,
  ) =>
    app.post(`/:id/${path}`, async (request) => {
      const { id } = parseInput(sessionParams, request.params);
      const { records } = parseInput(schema, request.body);
      const session = await findSession(app.couch, id);
      await checkRecords(app, session, records);
      const context = { sessionId: session._id, sessionStart: session.days[0]!.start, markedBy: markedBy(request), now: new Date() };
      const db = couchAsCaller(app.couch.url, request).use<D>(DB.attendance);
      const written = await writeMarks(db, records.map((record) => build(context, record)));
      return { [path]: written.map(publicMark) };
    });
  markRoute('attendance', attendanceRequest, attendanceMark);
  markRoute('assessments', assessmentRequest, assessmentMark);

  app.post('/:id/certificates', async (request) => {
    const { id } = parseInput(sessionParams, request.params);
    const { attendees } = parseInput(issueRequest, request.body);
    const result = await issueCertificates(app.couch, id, markedBy(request), attendees);
    return {
      issued: result.issued.map(toPublicCertificate),
      alreadyIssued: result.alreadyIssued.map(toPublicCertificate),
      ineligible: result.ineligible.map(publicRosterRow),
    };
  });

  app.get('/:id/register.csv', async (request, reply) => {
    const { id } = parseInput(sessionParams, request.params);
    const roster = await loadSessionRoster(app.couch, id);
    const date = londonDate(roster.session.days[0]!.start);
    const slug = roster.session.courseTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="register-${date}-${slug}.csv"`)
      .send(registerCsv(roster));
  });
}
