import { isNotFound } from '../../couch/client';
import { toPublicBooking, type BookingDoc, type PublicBooking } from '../../domain/schemas/booking';
import type { Window } from '../../domain/schemas/lists';
import type { PageSource } from '../lists/read-page';
import { viewRows } from '../lists/view-rows';
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

/** One owner's bookings, by session start. */
export async function bookingsOfOwner(deps: BookingDeps, owner: string): Promise<BookingDoc[]> {
  const result = await bookingsDb(deps).view('bookings', 'by_owner', { startkey: [owner], endkey: [owner, {}], include_docs: true });
  return result.rows.flatMap((row) => (isBooking(row.doc) ? [row.doc as BookingDoc] : []));
}

/**
 * GET /api/bookings a page at a time: one session's bookings by creation, or those of sessions
 * starting in a window by session start; only the owner's when one is given.
 */
export function bookingsList(deps: BookingDeps, owner: string | undefined, scope: { sessionId: string } | { window: Window }): PageSource<PublicBooking> {
  const db = bookingsDb(deps);
  const rows =
    'sessionId' in scope
      ? viewRows(db, 'bookings', 'every_by_session', { prefix: [scope.sessionId], start: [], end: [{}] })
      : owner
        ? viewRows(db, 'bookings', 'by_owner', { prefix: [owner], start: [scope.window.from], end: [scope.window.to] })
        : viewRows(db, 'bookings', 'by_start', { start: [scope.window.from], end: [scope.window.to] });
  return {
    rows,
    items: async (found) => found.map(({ doc }) => (isBooking(doc) && (!owner || doc.owner === owner) ? [toPublicBooking(doc)] : [])),
  };
}
