import { assessmentDocId, attendanceDocId, DOC_TYPES } from './doc-ids';
import type { AssessmentDoc, AttendanceDoc, AttendanceStatus, AssessmentResult } from './schemas/attendance';

/** Who marks which session, and when: what every new mark carries besides its record. */
export interface MarkContext {
  sessionId: string;
  sessionStart: string;
  markedBy: string;
  now: Date;
}

export interface AttendanceRecord {
  bookingId: string;
  attendee: number;
  day: number;
  status: AttendanceStatus;
  notes: string;
}

export interface AssessmentRecord {
  bookingId: string;
  attendee: number;
  result: AssessmentResult;
  marks?: number | undefined;
  notes: string;
}

const stamp = ({ sessionId, sessionStart, markedBy, now }: MarkContext) => ({ sessionId, sessionStart, markedBy, markedAt: now.toISOString(), history: [] });

/** A new attendance mark, as the device and the API both write it (a stored one is merged in by `mergeMarks`). */
export const attendanceMark = (context: MarkContext, { bookingId, attendee, day, status, notes }: AttendanceRecord): AttendanceDoc => ({
  _id: attendanceDocId(context.sessionId, bookingId, attendee, day),
  type: DOC_TYPES.attendance,
  bookingId,
  attendee,
  day,
  status,
  notes,
  ...stamp(context),
});

/** A new assessment, as the device and the API both write it. */
export const assessmentMark = (context: MarkContext, { bookingId, attendee, result, marks, notes }: AssessmentRecord): AssessmentDoc => ({
  _id: assessmentDocId(context.sessionId, bookingId, attendee),
  type: DOC_TYPES.assessment,
  bookingId,
  attendee,
  result,
  ...(marks === undefined ? {} : { marks }),
  notes,
  ...stamp(context),
});
