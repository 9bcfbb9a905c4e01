import { KeyedBatches } from '../../couch/client/keyed-batches';
import type { BookingDeps, HoldOutcome, HoldRequest } from './deps';
import { holdBatch } from './ledger';

/**
 * Group commit: holds on one session that arrive while a write for it is in flight in this process
 * wait and then share the next conditional write, instead of each losing a 409 race to the others.
 * Only a throughput measure: correctness still rests on the `_rev` check, across processes too.
 */
export class HoldBatcher {
  private readonly batches: KeyedBatches<HoldRequest, HoldOutcome>;

  constructor(deps: BookingDeps) {
    this.batches = new KeyedBatches(async (sessionId, bookings) =>
      (await holdBatch(deps, sessionId, bookings)).map((value) => ({ status: 'fulfilled' as const, value })),
    );
  }

  hold(booking: HoldRequest): Promise<HoldOutcome> {
    return this.batches.add(booking.sessionId, booking);
  }
}
