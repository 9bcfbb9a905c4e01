import { useEffect } from 'react';
import { hasDeviceBookings } from '../api/device-bookings';

const RETRY_MS = 20_000;

/**
 * Sends queued booking requests whenever they might get through: at start-up (the app may have
 * been closed with requests queued), when the network returns, after a login (`sessionEpoch`),
 * and every little while for a server that was down while the network was up.
 */
export const useBookingOutbox = (sessionEpoch: number): void => {
  useEffect(() => {
    const flush = async () => {
      if (await hasDeviceBookings()) await (await import('../api/outbox')).flushOutbox();
    };
    const send = () => void flush();
    send();
    window.addEventListener('online', send);
    const timer = setInterval(send, RETRY_MS);
    return () => {
      window.removeEventListener('online', send);
      clearInterval(timer);
    };
  }, [sessionEpoch]);
};
