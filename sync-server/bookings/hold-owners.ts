import type { BookingDoc } from '../../domain/schemas/booking';
import { bookingsDb, type BookingDeps } from './deps';

/** The bookings behind these seat-ledger hold ids (from the private bookings database), by hold id. */
export async function bookingsByHold(deps: BookingDeps, holdIds: readonly string[]): Promise<Map<string, BookingDoc>> {
  if (!holdIds.length) return new Map();
  const result = await bookingsDb(deps).view('bookings', 'by_hold', { keys: [...holdIds], include_docs: true });
  return new Map(result.rows.flatMap((row) => (row.doc ? [[row.key as string, row.doc as BookingDoc] as const] : [])));
}
