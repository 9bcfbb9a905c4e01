import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api-client';
import { loadMyBookings, type MyBookings } from '../api/my-bookings';
import { useBookingRequests } from './use-booking-requests';

type State = { status: 'loading' } | { status: 'ready'; data: MyBookings } | { status: 'error'; message: string; needsLogin: boolean };

/** The customer's bookings, reloaded when a request of theirs is answered or the network returns. */
export const useMyBookings = (owner: string) => {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const answered = useBookingRequests().filter((request) => request.state === 'confirmed').length;

  useEffect(() => {
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);

  useEffect(() => {
    let current = true;
    loadMyBookings(owner).then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) =>
        current &&
        setState({
          status: 'error',
          message: error instanceof ApiError ? error.message : 'Could not load your bookings.',
          needsLogin: error instanceof ApiError && error.status === 401,
        }),
    );
    return () => {
      current = false;
    };
  }, [owner, attempt, answered]);

  return { state, reload };
};
