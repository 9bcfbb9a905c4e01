import { plural } from '../../../shared/format';
import { useCancelSession, type CancellationImpact } from '../api/cancel-session';
import { OfflineNotice } from './offline-notice';

const impactText = ({ bookings, attendees }: CancellationImpact): string =>
  `This cancels ${plural(bookings, 'booking')} and ${plural(attendees, 'attendee')}. Customers see the session as cancelled.`;

/** Cancelling releases every booking, so the dialog first asks the server how many and says so. */
export function CancelSession({ sessionId, online, onCancelled }: { sessionId: string; online: boolean; onCancelled: (cancelled: CancellationImpact) => void }) {
  const { state, error, start, confirm, keep } = useCancelSession(sessionId, onCancelled);
  if (state.step === 'idle' || state.step === 'checking') {
    return (
      <div className="cancel-session">
        <button type="button" className="button button--quiet" disabled={!online || state.step === 'checking'} onClick={() => void start()}>
          Cancel session…
        </button>
        {!online && <OfflineNotice />}
        {error && <p role="alert">{error}</p>}
      </div>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="cancel-session-title" aria-describedby="cancel-session-impact" className="confirm cancel-session">
      <p id="cancel-session-title">
        <strong>Cancel this session?</strong>
      </p>
      <p id="cancel-session-impact">{impactText(state.impact)}</p>
      <button type="button" className="button" disabled={!online || state.step === 'cancelling'} onClick={() => void confirm(state.impact)}>
        Yes, cancel session
      </button>
      <button type="button" className="button button--quiet" disabled={state.step === 'cancelling'} onClick={keep}>
        Keep it
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
