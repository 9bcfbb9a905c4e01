import { z } from 'zod';
import { DOC_TYPES } from '../doc-ids';
import { isoInstant } from './catalog';
import { humanText } from './human-text';
import { londonDateInput } from './instants';
import { pageQueryFields } from './lists';

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'left-early'] as const;
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES, { error: 'Status is present, late, absent or left-early.' });
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const ASSESSMENT_RESULTS = ['pass', 'fail'] as const;
export const assessmentResultSchema = z.enum(ASSESSMENT_RESULTS, { error: 'An assessment result is pass or fail.' });
export type AssessmentResult = z.infer<typeof assessmentResultSchema>;

const markNotes = humanText({ label: 'Notes', max: 2000, multiline: true });
const index = (what: string) => z.number({ error: `${what} is a 0-based index.` }).int(`${what} is a 0-based index.`).min(0, `${what} is a 0-based index.`);
const marksSchema = z.number({ error: 'Marks are a whole number from 0 to 1000.' }).int().min(0).max(1000);

/** A superseded mark, kept in the document's history when a later mark replaces it. */
export const pastMark = z.looseObject({ markedBy: z.string(), markedAt: isoInstant });
export type PastMark = z.infer<typeof pastMark>;

const identity = {
  _id: z.string(),
  _rev: z.string().optional(),
  sessionId: z.string(),
  bookingId: z.string(),
  attendee: z.number().int().min(0),
  sessionStart: isoInstant,
};

const marked = {
  notes: z.string(),
  markedBy: z.string(),
  markedAt: isoInstant,
  history: z.array(pastMark).default([]),
};

/** One attendee on one course day, in rft_attendance; see its validate_doc_update. */
export const attendanceDoc = z.object({
  ...identity,
  type: z.literal(DOC_TYPES.attendance),
  day: z.number().int().min(0),
  status: attendanceStatusSchema,
  ...marked,
});
export type AttendanceDoc = z.infer<typeof attendanceDoc>;

/** The instructor's assessment of one attendee over the whole session. */
export const assessmentDoc = z.object({
  ...identity,
  type: z.literal(DOC_TYPES.assessment),
  result: assessmentResultSchema,
  marks: marksSchema.optional(),
  ...marked,
});
export type AssessmentDoc = z.infer<typeof assessmentDoc>;

/** Written only by the sync-server; dates are London calendar dates (YYYY-MM-DD). */
export const certificateDoc = z.object({
  ...identity,
  type: z.literal(DOC_TYPES.certificate),
  number: z.string(),
  attendeeName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  issuedOn: z.iso.date(),
  expiresOn: z.iso.date(),
  issuedAt: isoInstant,
  issuedBy: z.string(),
});
export type CertificateDoc = z.infer<typeof certificateDoc>;

/** POST /api/courses/sessions/:id/attendance */
export const attendanceRequest = z.object({
  records: z
    .array(
      z.object({
        bookingId: z.string({ error: 'bookingId is required.' }).min(1, 'bookingId is required.'),
        attendee: index('attendee'),
        day: index('day'),
        status: attendanceStatusSchema,
        notes: markNotes.default(''),
      }),
      { error: 'Send records: a list of marks.' },
    )
    .min(1, 'Send at least one record.')
    .max(300, 'Send at most 300 records at a time.'),
});

/** POST /api/courses/sessions/:id/assessments */
export const assessmentRequest = z.object({
  records: z
    .array(
      z.object({
        bookingId: z.string({ error: 'bookingId is required.' }).min(1, 'bookingId is required.'),
        attendee: index('attendee'),
        result: assessmentResultSchema,
        marks: marksSchema.optional(),
        notes: markNotes.default(''),
      }),
      { error: 'Send records: a list of results.' },
    )
    .min(1, 'Send at least one record.')
    .max(100, 'Send at most 100 records at a time.'),
});

/** POST /api/courses/sessions/:id/certificates: all eligible attendees, or only those listed. */
export const issueRequest = z.object({
  attendees: z.array(z.object({ bookingId: z.string().min(1), attendee: index('attendee') })).max(100).optional(),
});

/** What the API answers for a certificate (GET /api/certificates, the customer's My bookings). */
export const publicCertificate = certificateDoc
  .pick({ number: true, sessionId: true, bookingId: true, attendee: true, attendeeName: true, courseId: true, courseTitle: true, sessionStart: true, issuedOn: true, expiresOn: true })
  .strip();
export type PublicCertificate = z.infer<typeof publicCertificate>;
export const toPublicCertificate = (doc: CertificateDoc): PublicCertificate => publicCertificate.parse(doc);

/** GET /api/certificates: the caller's certificates expiring on a London date from `from` to `to`, both included. */
export const certificatesQuery = z
  .object({ from: londonDateInput.optional(), to: londonDateInput.optional(), ...pageQueryFields })
  .refine((query) => !query.from || !query.to || query.to >= query.from, { message: 'to must not be before from.', path: ['to'] });

const DAYS_HELP = 'Give a whole number of days from 1 to 366.';

/** GET /api/certificates/expiring: certificates expiring from today to `days` ahead. */
export const expiringQuery = z.object({
  days: z.coerce.number({ error: DAYS_HELP }).int(DAYS_HELP).min(1, DAYS_HELP).max(366, DAYS_HELP).default(90),
  ...pageQueryFields,
});
