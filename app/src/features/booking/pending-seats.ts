import type { SessionDoc } from '../../../../domain/schemas/catalog';
import type { BookingRequestDoc } from './api/booking-request-doc';

/**
 * Seats this device has taken that the local catalog does not show yet: requests on their way,
 * and confirmed ones until the session's next revision (which carries the server's seat ledger)
 * arrives. Queued requests hold nothing: the server has not seen them.
 */
export const pendingSeats = (session: Pick<SessionDoc, '_id' | '_rev' | 'holds'>, requests: readonly BookingRequestDoc[]): number =>
  requests.reduce((sum, request) => {
    if (request.sessionId !== session._id) return sum;
    if (request.state === 'sending') return sum + request.attendees.length;
    const unseen =
      request.state === 'confirmed' &&
      request.confirmedOnRev === session._rev &&
      !session.holds.some((hold) => hold.holdId === request.holdId);
    return unseen ? sum + request.attendees.length : sum;
  }, 0);
