import { z } from 'zod';
import { DOC_TYPES } from '../doc-ids';
import { MAX_SEATS } from '../seats';
import { emailSchema } from './auth';
import { holdIdSchema, isoInstant } from './catalog';
import { humanText } from './human-text';
import { pageFields, pageQueryFields, TO_AFTER_FROM, toAfterFrom, windowQueryFields } from './lists';

export const attendeeSchema = z.object({
  name: humanText({ label: 'An attendee name', min: 1, max: 120, required: 'Name each attendee.' }),
  email: emailSchema.optional(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

/** POST /api/bookings: one attendee per seat. */
export const bookingRequest = z.object({
  sessionId: z.string({ error: 'Choose a session.' }).min(1, 'Choose a session.').max(200),
  attendees: z
    .array(attendeeSchema, { error: 'List the attendees.' })
    .min(1, 'Name at least one attendee.')
    .max(MAX_SEATS, `A booking holds at most ${MAX_SEATS} seats.`),
});
export type BookingRequest = z.infer<typeof bookingRequest>;

/** The Idempotency-Key header: a client-chosen token, so a retried request never takes a second seat. */
export const idempotencyKey = z.string().trim().min(1).max(200);

export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled', 'rejected'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/** Why a booking was rejected or cancelled; the owner sees it. */
export const BOOKING_REASONS = ['session_full', 'session_cancelled', 'session_closed', 'session_not_found', 'interrupted', 'overbooked_on_conflict', 'cancelled_by_customer', 'cancelled_by_instructor'] as const;
export const bookingReasonSchema = z.enum(BOOKING_REASONS);
export type BookingReason = z.infer<typeof bookingReasonSchema>;

/** The document in rft_bookings, as its validate_doc_update expects it. */
export const bookingDoc = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  type: z.literal(DOC_TYPES.booking),
  owner: z.string(),
  sessionId: z.string(),
  courseId: z.string(),
  sessionStart: isoInstant,
  seats: z.number().int().min(1).max(MAX_SEATS),
  /** The key of this booking's entry in its session's public seat ledger. */
  holdId: holdIdSchema,
  attendees: z.array(attendeeSchema),
  contact: z.object({ name: z.string(), email: z.string() }),
  status: bookingStatusSchema,
  reason: bookingReasonSchema.optional(),
  idempotencyKey: z.string().optional(),
  /** The sync-server process that wrote the pending booking: recovery finishes it once that process is gone. */
  instance: z.string().optional(),
  createdAt: isoInstant,
  confirmedAt: isoInstant.optional(),
  cancelledAt: isoInstant.optional(),
});
export type BookingDoc = z.infer<typeof bookingDoc>;

/**
 * What the API answers for a booking. Attendee names are shown as stored, not judged again by the
 * rule for typed text: one name stored before a rule tightened must not break a whole list.
 */
export const publicBooking = bookingDoc
  .pick({ sessionId: true, courseId: true, sessionStart: true, seats: true, holdId: true, attendees: true, status: true, reason: true, createdAt: true, confirmedAt: true, cancelledAt: true })
  .extend({ id: z.string(), holdId: holdIdSchema.optional(), attendees: z.array(z.object({ name: z.string(), email: z.string().optional() })) });
export type PublicBooking = z.infer<typeof publicBooking>;

export const toPublicBooking = (doc: BookingDoc): PublicBooking =>
  publicBooking.parse({ ...doc, id: doc._id });

/** GET /api/bookings: one session's bookings, or those of sessions starting in a window. */
export const bookingsQuery = z
  .object({ sessionId: z.string().min(1).optional(), ...windowQueryFields, ...pageQueryFields })
  .refine((query) => !query.sessionId || (!query.from && !query.to), {
    message: 'Give sessionId or a from/to window, not both: the bookings of one session all share its start.',
    path: ['sessionId'],
  })
  .refine(toAfterFrom, TO_AFTER_FROM);
export type BookingsQuery = z.infer<typeof bookingsQuery>;

/** GET /api/bookings answers a page of these. */
export const bookingsPage = z.object({ bookings: z.array(publicBooking), ...pageFields });

/** A session offered instead of a full one. */
export const sessionSuggestion = z.object({
  id: z.string(),
  start: isoInstant,
  location: z.string(),
  seatsLeft: z.number().int(),
});
export type SessionSuggestion = z.infer<typeof sessionSuggestion>;
