import type { BookingDoc } from '../../domain/schemas/booking';
import { bookingsDb, type BookingDeps } from './deps';

/**
 * The bookings behind these seat-ledger hold ids (from the private bookings database), by hold id.
 * The view only maps a hold to its booking's id: on a cluster a view answers from one copy of each
 * shard, which lags behind after a node rejoins, so the bookings themselves are read by id, which
 * CouchDB answers from a quorum of copies.
 */
export async function bookingsByHold(deps: BookingDeps, holdIds: readonly string[]): Promise<Map<string, BookingDoc>> {
  if (!holdIds.length) return new Map();
  const { rows } = await bookingsDb(deps).view('bookings', 'by_hold', { keys: [...holdIds] });
  const byId = await bookingsById(deps, rows.map((row) => row.id));
  return new Map(rows.flatMap((row) => (byId.has(row.id) ? [[row.key as string, byId.get(row.id)!] as const] : [])));
}

/** These bookings as a quorum of copies holds them, by id; ids with no booking are left out. */
export async function bookingsById(deps: BookingDeps, ids: readonly string[]): Promise<Map<string, BookingDoc>> {
  if (!ids.length) return new Map();
  const result = await bookingsDb(deps).fetch({ keys: [...new Set(ids)] });
  return new Map(result.rows.flatMap((row) => ('doc' in row && row.doc ? [[row.id, row.doc as BookingDoc] as const] : [])));
}
