/**
 * Seat-ledger holds whose booking the bookings view cannot find, each with when it was first found so.
 * On one copy of the data that means the booking is gone. On a cluster it can also mean the view
 * answered from a copy still catching up after its node rejoined, and releasing that seat would let
 * a 13th person book: so a hold is released only once it has stayed ownerless for a grace period,
 * across recovery passes.
 */
export class OwnerlessHolds {
  private readonly since = new Map<string, number>();

  /** Records the holds found ownerless now; answers those ownerless for at least `graceMs`. */
  overdue(holdIds: readonly string[], now: number, graceMs: number): Set<string> {
    const found = new Set(holdIds);
    for (const holdId of this.since.keys()) if (!found.has(holdId)) this.since.delete(holdId);
    for (const holdId of found) if (!this.since.has(holdId)) this.since.set(holdId, now);
    return new Set([...found].filter((holdId) => now - this.since.get(holdId)! >= graceMs));
  }
}
