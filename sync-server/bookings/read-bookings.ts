import { isNotFound } from '../../couch/client';
import type { BookingDoc } from '../../domain/schemas/booking';
import { bookingsDb, type BookingDeps } from './deps';

const isBooking = (doc: unknown): doc is BookingDoc => (doc as { type?: string } | null)?.type === 'booking';

export async function findBooking(deps: BookingDeps, id: string): Promise<BookingDoc | null> {
  if (!id.startsWith('booking:')) return null;
  const doc = await bookingsDb(deps).get(id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  return isBooking(doc) ? doc : null;
}

/** One owner's bookings, oldest first. */
export async function bookingsOfOwner(deps: BookingDeps, owner: string): Promise<BookingDoc[]> {
  const result = await bookingsDb(deps).view('bookings', 'by_owner', { startkey: [owner], endkey: [owner, {}], include_docs: true });
  return result.rows.flatMap((row) => (isBooking(row.doc) ? [row.doc as BookingDoc] : []));
}

/** Every booking of one session, whatever its status, oldest first. */
export async function bookingsOfSession(deps: BookingDeps, sessionId: string): Promise<BookingDoc[]> {
  const result = await bookingsDb(deps).view('bookings', 'every_by_session', { startkey: [sessionId], endkey: [sessionId, {}], include_docs: true });
  return result.rows.flatMap((row) => (isBooking(row.doc) ? [row.doc as BookingDoc] : []));
}

/** Every booking, for the instructor, oldest first. */
export async function allBookings(deps: BookingDeps): Promise<BookingDoc[]> {
  const result = await bookingsDb(deps).list({ startkey: 'booking:', endkey: 'booking:\ufff0', include_docs: true });
  return result.rows
    .flatMap((row) => (isBooking(row.doc) ? [row.doc as BookingDoc] : []))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
