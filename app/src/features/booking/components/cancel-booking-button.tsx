import { useState } from 'react';
import { ApiError } from '../../../shared/api-client';
import { cancelMyBooking } from '../api/my-bookings';

interface CancelBookingButtonProps {
  owner: string;
  bookingId: string;
  onCancelled: () => void;
}

/** Cancelling frees the seats for others, so it asks first. */
export function CancelBookingButton({ owner, bookingId, onCancelled }: CancelBookingButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
        Cancel booking
      </button>
    );
  }
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await cancelMyBooking(owner, bookingId);
      onCancelled();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not cancel the booking.');
      setBusy(false);
    }
  };
  return (
    <div role="group" aria-label="Confirm cancellation" className="confirm">
      <p>Cancel this booking? Its seats go back on sale.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void cancel()}>
        Yes, cancel it
      </button>
      <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirming(false)}>
        Keep it
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
