import { catalogStore } from '../../../shared/catalog/catalog-store';
import { listRequests, updateRequest } from './booking-requests';
import { sendBooking } from './send-booking';

let running = false;
let again = false;

/**
 * Sends every request that has no answer yet, oldest first. One run at a time; a call during a
 * run schedules one more pass. Stops at the first request that cannot get through (offline,
 * server down, logged out): the rest would fail the same way.
 */
export const flushOutbox = async (): Promise<void> => {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      const due = (await listRequests()).filter((request) => request.state === 'queued' || request.state === 'sending').reverse();
      for (const request of due) {
        const outcome = await sendBooking(request);
        if (outcome.kind === 'retry') {
          await updateRequest(request._id, { state: 'queued', needsLogin: outcome.needsLogin, message: outcome.message });
          // The server said when it expects its database back: try then, not at the next 20 s tick.
          if (outcome.afterMs !== undefined) setTimeout(() => void flushOutbox(), outcome.afterMs);
          return;
        }
        if (outcome.kind === 'confirmed') {
          const confirmedOnRev = catalogStore.getSnapshot().sessionsById.get(request.sessionId)?._rev;
          await updateRequest(request._id, { state: 'confirmed', bookingId: outcome.bookingId, ...(outcome.holdId ? { holdId: outcome.holdId } : {}), needsLogin: false, seen: false, ...(confirmedOnRev ? { confirmedOnRev } : {}) });
        } else {
          await updateRequest(request._id, { state: 'rejected', message: outcome.message, nextSessions: outcome.nextSessions, needsLogin: false, seen: false });
        }
      }
    } while (again);
  } finally {
    running = false;
  }
};
