import { useCallback, useSyncExternalStore } from 'react';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { seatsLeft } from '../../../../../domain/seats';
import { requestsStore } from '../api/requests-store';
import { pendingSeats } from '../pending-seats';

export const useBookingRequests = () => useSyncExternalStore(requestsStore.subscribe, requestsStore.getSnapshot);

/** Seats left as this customer should see them: the replicated ledger minus their own answers in flight. */
export const useSeatsLeft = (): ((session: SessionDoc) => number) => {
  const requests = useBookingRequests();
  return useCallback((session: SessionDoc) => Math.max(0, seatsLeft(session) - pendingSeats(session, requests)), [requests]);
};
