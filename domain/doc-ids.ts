/** Document types and id builders. The id prefix always equals the type. */
export const DOC_TYPES = {
  course: 'course',
  session: 'session',
  schedule: 'schedule',
  booking: 'booking',
  attendance: 'attendance',
  assessment: 'assessment',
  certificate: 'certificate',
  certificateCounter: 'certificate-counter',
} as const;


const uuid = (): string => globalThis.crypto.randomUUID();

export const courseDocId = (code: string): string => `course:${code.toLowerCase()}`;
export const sessionDocId = (id: string = uuid()): string => `session:${id}`;
export const bookingDocId = (id: string = uuid()): string => `booking:${id}`;
/** A booking's seat-ledger key: random, so the public catalog cannot be linked to a booking. */
export const newHoldId = (): string => uuid().replaceAll('-', '');
export const attendanceDocId = (sessionId: string, bookingId: string, attendee: number, day: number): string =>
  `attendance:${sessionId}:${bookingId}:${attendee}:${day}`;
export const assessmentDocId = (sessionId: string, bookingId: string, attendee: number): string =>
  `assessment:${sessionId}:${bookingId}:${attendee}`;
export const certificateDocId = (sessionId: string, bookingId: string, attendee: number): string =>
  `certificate:${sessionId}:${bookingId}:${attendee}`;
/** Hands out one year's certificate numbers; written only by the sync-server. */
export const certificateCounterDocId = (year: number): string => `certificate-counter:${year}`;

/** The single schedule document that serialises every change to the instructor's timetable. */
export const SCHEDULE_DOC_ID = 'schedule';
