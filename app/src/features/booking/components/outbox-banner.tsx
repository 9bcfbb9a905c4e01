import { plural } from '../../../shared/format';
import { NotificationBanner } from '../../../shared/notification-banner';
import { hrefTo } from '../../../shared/router';
import { useBookingRequests } from '../hooks/use-booking-requests';

/** On every other screen: requests still waiting, and answers the customer has not looked at yet. */
export function OutboxBanner() {
  const requests = useBookingRequests().filter((request) => !request.seen);
  const waiting = requests.filter((request) => request.state === 'queued').length;
  const answered = requests.filter((request) => request.state === 'confirmed' || request.state === 'rejected').length;
  if (waiting === 0 && answered === 0) return null;
  return (
    <NotificationBanner>
      {waiting > 0 && <p className="notification-banner__heading">{plural(waiting, 'booking request')} saved on this device: not yet confirmed, seats are not held.</p>}
      {answered > 0 && <p className="notification-banner__heading">{plural(answered, 'booking request')} answered.</p>}
      <a href={hrefTo('/bookings')}>See my bookings</a>
    </NotificationBanner>
  );
}
