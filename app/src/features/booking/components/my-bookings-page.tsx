import type { PublicUser } from '../../../../../domain/schemas/auth';
import { useCatalog } from '../../../shared/catalog/use-catalog';
import { formatLondonDateTime } from '../../../shared/format';
import { hrefTo } from '../../../shared/router';
import { groupBookings } from '../group-bookings';
import { useBookingRequests } from '../hooks/use-booking-requests';
import { useMyBookings } from '../hooks/use-my-bookings';
import { BookingList } from './booking-list';
import { RequestStatus } from './request-status';

const LOGIN = hrefTo('/login', new URLSearchParams({ next: '/bookings' }));

function DeviceRequests() {
  const waiting = useBookingRequests().filter((request) => request.state !== 'confirmed' && !request.seen);
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="device-requests-heading">
      <h2 id="device-requests-heading">Requests on this device</h2>
      <ul className="requests-list">
        {waiting.map((request) => (
          <li key={request._id}>
            <p className="booking__title">
              {request.courseTitle}, {formatLondonDateTime(request.sessionStart)}
            </p>
            <RequestStatus request={request} loginHref={LOGIN} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Upcoming and past bookings; the last list fetched stays readable offline. */
export function MyBookingsPage({ user }: { user: PublicUser | null }) {
  if (!user) {
    return (
      <section className="panel">
        <h1>My bookings</h1>
        <p>
          <a href={LOGIN}>Log in</a> to see your bookings.
        </p>
      </section>
    );
  }
  return <SignedInBookings owner={user.email} />;
}

function SignedInBookings({ owner }: { owner: string }) {
  const { state, reload } = useMyBookings(owner);
  const { sessionsById } = useCatalog();
  const groups = state.status === 'ready' ? groupBookings(state.data.bookings, new Date()) : null;
  return (
    <section className="my-bookings" aria-labelledby="my-bookings-heading" aria-busy={state.status === 'loading'}>
      <h1 id="my-bookings-heading">My bookings</h1>
      <DeviceRequests />
      {state.status === 'error' && (
        <p role="alert">
          {state.message} {state.needsLogin && <a href={LOGIN}>Log in again</a>}
        </p>
      )}
      {state.status === 'ready' && state.data.saved && (
        <p className="notice">Offline: showing your bookings as saved on {formatLondonDateTime(state.data.fetchedAt)}.</p>
      )}
      {groups && (
        <>
          <BookingList heading="Upcoming" bookings={groups.upcoming} sessions={sessionsById} owner={owner} cancellable onChanged={reload} />
          <BookingList heading="Past" bookings={groups.past} sessions={sessionsById} owner={owner} cancellable={false} onChanged={reload} />
        </>
      )}
    </section>
  );
}
