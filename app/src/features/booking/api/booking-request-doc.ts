import { z } from 'zod';
import { attendeeSchema, sessionSuggestion } from '../../../../../domain/schemas/booking';

/**
 * A booking request as this device keeps it until the server has answered, and after, so the
 * customer sees the outcome. `key` is the Idempotency-Key: resending never books twice.
 * queued: not sent yet (offline or server unreachable), seats are not held.
 * sending: on its way; the seat count already shows it (optimistic).
 */
export const REQUEST_STATES = ['queued', 'sending', 'confirmed', 'rejected'] as const;

export const bookingRequestDoc = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  key: z.string(),
  sessionId: z.string(),
  courseTitle: z.string(),
  location: z.string(),
  sessionStart: z.string(),
  attendees: z.array(attendeeSchema).min(1),
  state: z.enum(REQUEST_STATES),
  needsLogin: z.boolean().default(false),
  message: z.string().optional(),
  nextSessions: z.array(sessionSuggestion).default([]),
  bookingId: z.string().optional(),
  /** The booking's key in the session's public seat ledger; see pendingSeats. */
  holdId: z.string().optional(),
  /** The catalog revision of the session when the server confirmed; see pendingSeats. */
  confirmedOnRev: z.string().optional(),
  seen: z.boolean().default(false),
  createdAt: z.string(),
});
export type BookingRequestDoc = z.infer<typeof bookingRequestDoc>;
