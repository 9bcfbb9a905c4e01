interface Claims {
  seats: number;
  waiting: (() => void)[];
}

/**
 * Lets onto a session only as many seats at a time as its newest known ledger has free, so a crowd
 * arriving for the last seats does not each write a pending booking only to be rejected. The rest
 * wait for the bookings in flight to finish and then decide again on the ledger those left behind:
 * most are then told "full" without writing anything. Only a cost measure for this process: every
 * seat is still taken by the conditional write on the session's `_rev`, across processes too.
 */
export class SeatAdmission {
  private readonly claims = new Map<string, Claims>();

  /**
   * Claims `seats` on the session once `free()` (the seats the newest ledger shows, re-asked after
   * each wait) covers them beside the seats in flight, or at once when nothing is in flight.
   * Answers the release to call when the booking is decided.
   */
  async admit(sessionId: string, seats: number, free: () => number): Promise<() => void> {
    for (;;) {
      const claims = this.claims.get(sessionId);
      if (!claims || free() - claims.seats >= seats) return this.claim(sessionId, seats);
      await new Promise<void>((resolve) => claims.waiting.push(resolve));
    }
  }

  private claim(sessionId: string, seats: number): () => void {
    const claims = this.claims.get(sessionId) ?? { seats: 0, waiting: [] };
    claims.seats += seats;
    this.claims.set(sessionId, claims);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      claims.seats -= seats;
      const waking = claims.waiting.splice(0);
      if (claims.seats === 0) this.claims.delete(sessionId);
      for (const wake of waking) wake();
    };
  }
}
