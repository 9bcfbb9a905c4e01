import { HttpError } from '../http-error';

/** One clash of a proposed session with a scheduled one, as the 409 `schedule_conflict` lists it. */
export interface ScheduleConflict {
  sessionId: string;
  courseTitle: string;
  location: string;
  start: string;
  end: string;
  /** Which proposed occurrence clashes (1-based; always 1 for a single session) and its times. */
  occurrence: number;
  occurrenceStart: string;
  occurrenceEnd: string;
}

export function scheduleConflict(conflicts: ScheduleConflict[]): HttpError {
  const occurrences = [...new Set(conflicts.map((conflict) => conflict.occurrence))];
  const which = occurrences.length === 1 && occurrences[0] === 1 ? 'This session' : `Occurrence${occurrences.length > 1 ? 's' : ''} ${occurrences.join(', ')}`;
  return new HttpError(409, 'schedule_conflict', `${which} would clash with the instructor's timetable (sessions at another venue need a travel buffer). Nothing was saved.`, { conflicts });
}

export const capacityBelowBooked = (capacity: number, booked: number): HttpError =>
  new HttpError(409, 'capacity_below_booked', `${booked} seats are already booked, so the capacity cannot drop to ${capacity}.`, { seatsBooked: booked });

export const sessionNotFound = (): HttpError => new HttpError(404, 'session_not_found', 'There is no such session.');
export const courseNotFound = (): HttpError => new HttpError(404, 'course_not_found', 'There is no such course.');

export const sessionCancelled = (): HttpError =>
  new HttpError(409, 'session_cancelled', 'This session is cancelled and can no longer be changed.');
export const sessionPast = (): HttpError =>
  new HttpError(409, 'session_past', 'This session has already started or finished and can no longer be changed.');

export const courseExists = (): HttpError => new HttpError(409, 'course_exists', 'A course with this code already exists.');
export const courseInactive = (): HttpError =>
  new HttpError(409, 'course_inactive', 'This course is inactive; make it active before scheduling sessions.');

/** A 400 in the same shape as parseInput's, for rules that need the database or the clock. */
export const invalidField = (field: string, message: string): HttpError =>
  new HttpError(400, 'invalid_request', `The request is not valid. ${field}: ${message}`, { fields: [{ field, message }] });

