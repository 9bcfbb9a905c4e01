import { useId } from 'react';
import type { PublicBooking } from '../../../../../domain/schemas/booking';
import type { SessionDoc } from '../../../../../domain/schemas/catalog';
import { BookingItem } from './booking-item';

interface BookingListProps {
  heading: string;
  bookings: readonly PublicBooking[];
  sessions: ReadonlyMap<string, SessionDoc>;
  owner: string;
  cancellable: boolean;
  onChanged: () => void;
}

export function BookingList({ heading, bookings, sessions, owner, cancellable, onChanged }: BookingListProps) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {bookings.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="bookings">
          {bookings.map((booking) => (
            <BookingItem key={booking.id} booking={booking} session={sessions.get(booking.sessionId)} owner={owner} cancellable={cancellable} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
