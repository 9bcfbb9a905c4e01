import { formatLondonDateTime, plural } from '../../../shared/format';
import { NotificationBanner } from '../../../shared/notification-banner';
import { hrefTo } from '../../../shared/router';
import type { BookingRequestDoc } from '../api/booking-request-doc';
import { updateRequest } from '../api/booking-requests';

const seats = (request: BookingRequestDoc) => plural(request.attendees.length, 'seat');

function NextSessions({ request }: { request: BookingRequestDoc }) {
  if (request.nextSessions.length === 0) return null;
  return (
    <>
      <p>Next {request.courseTitle} sessions with room:</p>
      <ul className="next-sessions">
        {request.nextSessions.map((next) => (
          <li key={next.id}>
            <a href={hrefTo(`/sessions/${next.id}`)}>
              {formatLondonDateTime(next.start)}, location {next.location}, {plural(next.seatsLeft, 'seat')} left
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Where one booking request stands, in words. */
export function RequestStatus({ request, loginHref }: { request: BookingRequestDoc; loginHref: string }) {
  const dismiss = () => void updateRequest(request._id, { seen: true });
  return (
    <div className="request" data-state={request.state}>
      {request.state === 'sending' && <p className="request__title">Pending: booking {seats(request)}…</p>}
      {request.state === 'queued' && (
        <>
          <p className="request__title">Saved on this device: not yet confirmed, seats are not held.</p>
          <p>{request.needsLogin ? <a href={loginHref}>Log in again to send it.</a> : `${request.message ? `${request.message} ` : ''}It will be sent again by itself.`}</p>
        </>
      )}
      {request.state === 'confirmed' && (
        <NotificationBanner kind="success">
          <p className="notification-banner__heading">Confirmed: {seats(request)} booked.</p>
          <a href={hrefTo('/bookings')}>See my bookings</a>
        </NotificationBanner>
      )}
      {request.state === 'rejected' && (
        <>
          <p className="request__title">Not booked: {request.message}</p>
          <NextSessions request={request} />
        </>
      )}
      {(request.state === 'confirmed' || request.state === 'rejected') && (
        <button type="button" className="button button--quiet" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
