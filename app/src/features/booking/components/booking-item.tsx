import type { PublicBooking } from '../../../../../domain/schemas/booking';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { formatLondonDateTime, plural } from '../../../shared/format';
import { hrefTo } from '../../../shared/router';
import { CancelBookingButton } from './cancel-booking-button';

interface BookingItemProps {
  booking: PublicBooking;
  session: SessionDoc | undefined;
  owner: string;
  cancellable: boolean;
  onChanged: () => void;
}

export function BookingItem({ booking, session, owner, cancellable, onChanged }: BookingItemProps) {
  const instructorCancelled = booking.reason === 'cancelled_by_instructor' || session?.status === 'cancelled';
  const title = session?.courseTitle ?? 'Course';
  return (
    <li className="booking" data-status={booking.status}>
      <p className="booking__title">
        <a href={hrefTo(`/sessions/${booking.sessionId}`)}>{title}</a>
      </p>
      <p>
        <time dateTime={booking.sessionStart}>{formatLondonDateTime(booking.sessionStart)}</time>
        {session && `, location ${session.location}`}
      </p>
      <p>
        {plural(booking.seats, 'seat')}: {booking.attendees.map((attendee) => attendee.name).join(', ')}
      </p>
      {instructorCancelled && (
        <p className="notice" role="note">
          The instructor cancelled this session. Your seats are released; please book another date.
        </p>
      )}
      <p className="booking__status">{booking.status === 'cancelled' ? 'Cancelled' : 'Confirmed'}</p>
      {cancellable && booking.status === 'confirmed' && !instructorCancelled && (
        <CancelBookingButton owner={owner} bookingId={booking.id} onCancelled={onChanged} />
      )}
    </li>
  );
}
