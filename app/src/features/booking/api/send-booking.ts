import { z } from 'zod';
import { publicBooking, sessionSuggestion } from '../../../../../domain/schemas/booking';
import { ApiError, apiRequest } from '../../../shared/api-client';
import type { BookingRequestDoc } from './booking-request-doc';

const created = z.object({ booking: publicBooking });
const refusalDetails = z.object({ nextSessions: z.array(sessionSuggestion).default([]) });

export type SendOutcome =
  | { kind: 'confirmed'; bookingId: string; holdId?: string }
  | { kind: 'rejected'; message: string; nextSessions: z.infer<typeof sessionSuggestion>[] }
  /** Try again later: no network, server trouble, or the session cookie expired; `message` says why, `afterMs` when. */
  | { kind: 'retry'; needsLogin: boolean; message?: string; afterMs?: number };

/** POST /api/bookings with the request's own Idempotency-Key, so a resend answers the same booking. */
export const sendBooking = async (request: BookingRequestDoc): Promise<SendOutcome> => {
  try {
    const answer = await apiRequest('/api/bookings', {
      method: 'POST',
      body: { sessionId: request.sessionId, attendees: request.attendees },
      headers: { 'Idempotency-Key': request.key },
    });
    const { booking } = created.parse(answer);
    return { kind: 'confirmed', bookingId: booking.id, holdId: booking.holdId };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 503 && error.retryAfterMs !== undefined) return { kind: 'retry', needsLogin: false, message: error.message, afterMs: error.retryAfterMs };
    if (error.status === 0 || error.status >= 500 || error.status === 429) return { kind: 'retry', needsLogin: false };
    if (error.status === 401) return { kind: 'retry', needsLogin: true };
    const details = refusalDetails.safeParse(error.body);
    return { kind: 'rejected', message: error.message, nextSessions: details.success ? details.data.nextSessions : [] };
  }
};
