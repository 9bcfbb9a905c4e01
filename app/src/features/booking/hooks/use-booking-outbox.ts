import { useEffect } from 'react';

const RETRY_MS = 20_000;

/**
 * Sends queued booking requests whenever they might get through: at start-up (the app may have
 * been closed with requests queued), when the network returns, after a login (`sessionEpoch`),
 * and every little while for a server that was down while the network was up.
 */
export const useBookingOutbox = (sessionEpoch: number): void => {
  useEffect(() => {
    const flush = () => void import('../api/outbox').then(({ flushOutbox }) => flushOutbox());
    flush();
    window.addEventListener('online', flush);
    const timer = setInterval(flush, RETRY_MS);
    return () => {
      window.removeEventListener('online', flush);
      clearInterval(timer);
    };
  }, [sessionEpoch]);
};
