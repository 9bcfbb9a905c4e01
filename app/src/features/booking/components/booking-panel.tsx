import { isBookable } from '../../../../../domain/booking-rules';
import type { PublicUser } from '../../../../../domain/schemas/auth';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { hrefTo } from '../../../shared/router';
import { useBookingRequests } from '../hooks/use-booking-requests';
import { BookingForm } from './booking-form';
import { RequestStatus } from './request-status';

interface BookingPanelProps {
  session: SessionDoc;
  seatsLeft: number;
  user: PublicUser | null;
}

/** Book, or the way to log in and come back here; then what became of this device's requests. */
export function BookingPanel({ session, seatsLeft, user }: BookingPanelProps) {
  const requests = useBookingRequests().filter((request) => request.sessionId === session._id && !request.seen);
  const back = new URLSearchParams({ next: `/sessions/${session._id}` });
  const loginHref = hrefTo('/login', back);
  const bookable = isBookable(session, seatsLeft, new Date());
  return (
    <section className="booking-panel" aria-labelledby="booking-heading">
      <h2 id="booking-heading">Book</h2>
      <div role="status" aria-live="polite" className="requests">
        {requests.map((request) => (
          <RequestStatus key={request._id} request={request} loginHref={loginHref} />
        ))}
      </div>
      {!bookable && <p>This session cannot be booked.</p>}
      {bookable && !user && (
        <p>
          <a href={loginHref}>Log in</a> or <a href={hrefTo('/signup', back)}>sign up</a> to book. You will come back here.
        </p>
      )}
      {bookable && user && <BookingForm session={session} seatsLeft={seatsLeft} />}
    </section>
  );
}
