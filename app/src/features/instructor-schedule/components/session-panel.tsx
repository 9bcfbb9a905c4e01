import { useState } from 'react';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { seatsBooked } from '../../../../../domain/seats';
import { plural } from '../../../shared/format';
import type { CancellationImpact } from '../api/cancel-session';
import { slotText } from '../preview/slot-text';
import { CancelSession } from './cancel-session';
import { EditSessionForm } from './edit-session-form';

interface SessionPanelProps {
  session: SessionDoc;
  sessions: readonly SessionDoc[];
  online: boolean;
  onClose: () => void;
}

const STATUS_TEXT = { scheduled: 'Scheduled', cancelled: 'Cancelled', completed: 'Completed' } as const;

/** The session picked in the week: its facts, and while it is still to come, edit and cancel. */
export function SessionPanel({ session, sessions, online, onClose }: SessionPanelProps) {
  // Kept here, not in the cancel button: the replicated cancel removes the button while this should still show.
  const [cancelled, setCancelled] = useState<CancellationImpact | null>(null);
  const changeable = !cancelled && session.status === 'scheduled' && Date.parse(session.days[0]!.start) > Date.now();
  return (
    <section className="panel session-panel" aria-labelledby="session-panel-heading">
      <h2 id="session-panel-heading">{session.courseTitle}</h2>
      <dl className="facts">
        <dt>When (London time)</dt>
        <dd>{session.days.map((day) => slotText(day.start, day.end)).join('; ')}</dd>
        <dt>Location</dt>
        <dd>Location {session.location}</dd>
        <dt>Seats</dt>
        <dd>
          {seatsBooked(session)}/{session.capacity} booked
        </dd>
        <dt>Status</dt>
        <dd data-testid="session-status">{STATUS_TEXT[session.status]}</dd>
      </dl>
      {changeable && (
        <>
          <EditSessionForm session={session} sessions={sessions} online={online} />
          <CancelSession sessionId={session._id} online={online} onCancelled={setCancelled} />
        </>
      )}
      <p role="status">{cancelled && `Session cancelled: ${plural(cancelled.bookings, 'booking')} and ${plural(cancelled.attendees, 'attendee')} cancelled.`}</p>
      <button type="button" className="button button--quiet" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
