import type { BookingDeps, HoldOutcome, HoldRequest } from './deps';
import { holdBatch } from './ledger';

interface Waiting {
  booking: HoldRequest;
  resolve: (outcome: HoldOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: holds on one session that arrive while a write for it is in flight in this process
 * wait and then share the next conditional write, instead of each losing a 409 race to the others.
 * Only a throughput measure: correctness still rests on the `_rev` check, across processes too.
 */
export class HoldBatcher {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(private readonly deps: BookingDeps) {}

  hold(booking: HoldRequest): Promise<HoldOutcome> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(booking.sessionId);
      if (queue) return queue.push({ booking, resolve, reject });
      this.queues.set(booking.sessionId, [{ booking, resolve, reject }]);
      void this.drain(booking.sessionId);
    });
  }

  private async drain(sessionId: string): Promise<void> {
    for (;;) {
      const batch = this.queues.get(sessionId) ?? [];
      if (!batch.length) {
        this.queues.delete(sessionId);
        return;
      }
      this.queues.set(sessionId, []);
      try {
        const outcomes = await holdBatch(this.deps, sessionId, batch.map((waiting) => waiting.booking));
        batch.forEach((waiting, i) => waiting.resolve(outcomes[i]!));
      } catch (error) {
        batch.forEach((waiting) => waiting.reject(error));
      }
    }
  }
}
