import { z } from 'zod';
import { LOCATIONS, SESSION_STATUSES } from '../catalog-values';
import { DOC_TYPES, SCHEDULE_DOC_ID } from '../doc-ids';
import { MAX_SEATS } from '../seats';
import { humanText } from './human-text';

export const locationSchema = z.enum(LOCATIONS, { error: 'Location must be A or B.' });
export type Location = z.infer<typeof locationSchema>;

export const sessionStatusSchema = z.enum(SESSION_STATUSES);

export const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 09:30.');
export const isoInstant = z.iso.datetime({ offset: true, error: 'Use an ISO date-time with a time zone.' });

/** A certificate is valid for at most this long, so every certificate still valid expires within it from today. */
export const MAX_CERTIFICATE_VALIDITY_MONTHS = 120;

export const courseFields = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,20}$/, 'The course code is 2 to 20 letters, digits or dashes.'),
  title: humanText({ label: 'The title', min: 3, max: 120, required: 'Give the course a title of at least 3 characters.' }),
  description: humanText({ label: 'The description', max: 4000, multiline: true }).default(''),
  durationDays: z.number().int().min(1).max(5),
  dailyStart: wallClock,
  dailyEnd: wallClock,
  pricePence: z.number().int().min(0).max(1_000_000),
  certificateValidityMonths: z.number().int().min(0).max(MAX_CERTIFICATE_VALIDITY_MONTHS),
  active: z.boolean().default(true),
});
export type CourseFields = z.infer<typeof courseFields>;

export const courseDoc = courseFields.extend({
  _id: z.string(),
  _rev: z.string().optional(),
  type: z.literal(DOC_TYPES.course),
});
export type CourseDoc = z.infer<typeof courseDoc>;

export const dayRange = z.object({ start: isoInstant, end: isoInstant });
export type DayRange = z.infer<typeof dayRange>;

export const capacitySchema = z
  .number({ error: `Capacity is a whole number from 1 to ${MAX_SEATS}.` })
  .int(`Capacity is a whole number from 1 to ${MAX_SEATS}.`)
  .min(1, `Capacity is a whole number from 1 to ${MAX_SEATS}.`)
  .max(MAX_SEATS, `Capacity is at most ${MAX_SEATS} seats.`);

export const notesText = humanText({ label: 'Notes', max: 4000, multiline: true });
export const notesSchema = notesText.default('');

export const holdIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'A hold id is 32 lowercase hex digits.');

/**
 * One entry of a session's public seat ledger. `holdId` is an opaque random id that only the
 * booking document (private) also carries, so the public catalog never names a booking.
 */
export const seatHold = z.object({
  holdId: holdIdSchema,
  seats: z.number().int().min(1).max(MAX_SEATS),
  at: isoInstant,
});
export type SeatHold = z.infer<typeof seatHold>;

export const sessionDoc = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  type: z.literal(DOC_TYPES.session),
  courseId: z.string(),
  courseTitle: z.string(),
  location: locationSchema,
  days: z.array(dayRange).min(1).max(5),
  capacity: capacitySchema,
  status: sessionStatusSchema,
  seriesId: z.string().optional(),
  notes: notesSchema,
  /** The seat ledger: written only by the sync-server's booking validator. */
  holds: z.array(seatHold).default([]),
  updatedAt: isoInstant,
});
export type SessionDoc = z.infer<typeof sessionDoc>;

/** One future session in the instructor's timetable: just what the overlap check needs. */
export const scheduleEntry = z.object({
  sessionId: z.string(),
  location: locationSchema,
  days: z.array(dayRange).min(1).max(5),
  /** Present only while the session documents are being created: enough to finish after a crash. */
  pending: z
    .object({
      courseId: z.string(),
      courseTitle: z.string(),
      capacity: capacitySchema,
      notes: notesSchema,
      seriesId: z.string().optional(),
    })
    .optional(),
});
export type ScheduleEntry = z.infer<typeof scheduleEntry>;

/** The single document every schedule change is a conditional write of; see sync-server/catalog/schedule.ts. */
export const scheduleDoc = z.object({
  _id: z.literal(SCHEDULE_DOC_ID),
  _rev: z.string().optional(),
  type: z.literal(DOC_TYPES.schedule),
  sessions: z.array(scheduleEntry),
  updatedAt: isoInstant,
});
export type ScheduleDoc = z.infer<typeof scheduleDoc>;
