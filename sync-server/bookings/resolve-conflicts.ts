import { mergeHolds } from '../../domain/booking-rules';
import type { SessionDoc } from '../../domain/schemas/catalog';
import type { SeatHold } from '../../domain/schemas/catalog';
import { moveBooking } from './booking-status';
import { catalogDb, type BookingDeps } from './deps';
import { bookingsByHold } from './hold-owners';

export type ConflictedSession = SessionDoc & { _rev: string; _conflicts?: string[] };

/**
 * On a CouchDB cluster, concurrent ledger writes can be stored as conflicting revisions instead of
 * a 409. Merges every revision's holds (confirmed bookings first, then earliest first, up to the
 * capacity) into the winning revision, deletes the losers, then rejects the bookings that were cut. A crash before the
 * rejections leaves confirmed bookings without a seat, which recovery re-seats or rejects.
 */
export async function resolveLedgerConflicts(deps: BookingDeps, session: ConflictedSession): Promise<{ resolved: boolean; cut: SeatHold[] }> {
  const db = catalogDb(deps);
  const losers = session._conflicts ?? [];
  const losing = await Promise.all(losers.map((rev) => db.get(session._id, { rev })));
  const revisions = [session.holds ?? [], ...losing.map((doc) => doc.holds ?? [])];
  const owners = await bookingsByHold(deps, [...new Set(revisions.flat().map((hold) => hold.holdId))]);
  const confirmed = new Set([...owners].filter(([, booking]) => booking.status === 'confirmed').map(([holdId]) => holdId));
  const { kept, cut } = mergeHolds(revisions, session.capacity, confirmed);
  const { _conflicts, ...winner } = session;
  const results = await db.bulk({
    docs: [{ ...winner, holds: kept }, ...losers.map((rev) => ({ _id: session._id, _rev: rev, _deleted: true }) as unknown as SessionDoc)],
  });
  if (results[0]?.error) return { resolved: false, cut: [] };
  for (const hold of cut) {
    const booking = owners.get(hold.holdId);
    if (booking) await moveBooking(deps, booking._id, ['pending', 'confirmed'], { to: 'rejected', reason: 'overbooked_on_conflict' });
  }
  return { resolved: true, cut };
}
