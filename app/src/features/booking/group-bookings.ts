import type { PublicBooking } from '../../../../domain/schemas/booking';

/** Upcoming soonest first, past most recent first; never-confirmed attempts are left out. */
export const groupBookings = (bookings: readonly PublicBooking[], now: Date) => {
  const shown = bookings.filter((booking) => booking.status === 'confirmed' || booking.status === 'cancelled');
  const upcoming = shown.filter((booking) => Date.parse(booking.sessionStart) > now.getTime());
  const past = shown.filter((booking) => Date.parse(booking.sessionStart) <= now.getTime());
  upcoming.sort((a, b) => a.sessionStart.localeCompare(b.sessionStart));
  past.sort((a, b) => b.sessionStart.localeCompare(a.sessionStart));
  return { upcoming, past };
};
