import type { RecordProblem } from '../../../../domain/attendance-records';
import { HttpError } from '../../../http-error';

/** One place that turns a record problem into the 400 the caller sees, naming what is wrong. */
export function recordRefusal(problem: RecordProblem, index: number): HttpError {
  const at = `records.${index}`;
  switch (problem.code) {
    case 'unknown_booking':
      return new HttpError(400, problem.code, `${at}: there is no booking ${problem.bookingId}.`, { field: `${at}.bookingId` });
    case 'booking_of_other_session':
      return new HttpError(400, problem.code, `${at}: booking ${problem.bookingId} is for another session.`, { field: `${at}.bookingId` });
    case 'booking_not_active':
      return new HttpError(400, problem.code, `${at}: booking ${problem.bookingId} is ${problem.status}.`, { field: `${at}.bookingId` });
    case 'unknown_attendee':
      return new HttpError(400, problem.code, `${at}: booking ${problem.bookingId} has no attendee ${problem.attendee} (attendees are numbered from 0).`, { field: `${at}.attendee` });
    case 'unknown_day':
      return new HttpError(400, problem.code, `${at}: the session has no day ${problem.day} (days are numbered from 0).`, { field: `${at}.day` });
  }
}
