import type { DocumentScope } from 'nano';
import type { BulkWrites } from '../../couch/client/bulk-writes';
import type { RetryOptions, WriteOptions } from '../../couch/client/conditional-write';
import type { HoldVerdict } from '../../domain/booking-rules';
import { DB } from '../../domain/databases';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import type { Couch } from '../plugins/couch';
import type { LatestLedgers } from './latest-ledgers';
import type { SeatAdmission } from './seat-admission';

/** The writes of the booking protocol, in order; a fault hook can stop the process after any of them. */
export type WriteStep = 'pending-written' | 'hold-written' | 'booking-cancelled';

export type HoldRequest = Pick<BookingDoc, 'holdId' | 'sessionId' | 'seats'>;
export type HoldOutcome = { verdict: HoldVerdict | 'session_not_found'; seatsLeft: number; retries: number };

export interface BookingDeps {
  couch: Couch;
  now?: () => Date;
  retry?: RetryOptions;
  /** This process's instance id, stamped on the pending bookings it writes (see instances/lease.ts). */
  instance?: string;
  /** Ids of the pending bookings this process's requests are still working on; recovery leaves them alone. */
  inFlight?: Set<string>;
  /** Group commit of concurrent holds in this process; without it every hold is its own write. */
  holds?: { hold(booking: HoldRequest): Promise<HoldOutcome> };
  /** The newest seat ledgers this process knows: a session they show as full is refused before any write. */
  ledgers?: LatestLedgers;
  /** Group commit of this process's booking and ledger writes; without it every write is its own request. */
  writes?: BulkWrites;
  /** Holds back bookings beyond the seats the newest ledger has free until those in flight are decided. */
  admission?: SeatAdmission;
  /** Called after each write; a test throws here to simulate a crash between two writes. */
  afterWrite?: (step: WriteStep, bookingId: string) => void | Promise<void>;
}

export const bookingsDb = (deps: BookingDeps): DocumentScope<BookingDoc> => deps.couch.sync.use<BookingDoc>(DB.bookings);
export const catalogDb = (deps: BookingDeps): DocumentScope<SessionDoc> => deps.couch.sync.use<SessionDoc>(DB.catalog);
/** Writes one document of the booking protocol, grouped with concurrent ones when the process can. */
export const writeDoc = <T extends { _id: string; _rev?: string }>(deps: BookingDeps, db: string, doc: T): Promise<{ rev: string }> =>
  deps.writes ? deps.writes.write(db, doc) : deps.couch.sync.use<T>(db).insert(doc);

/** The conditional-write options of the booking protocol for documents of `db`. */
export const writeOptions = <T extends { _id: string; _rev?: string }>(deps: BookingDeps, db: string, known?: T): WriteOptions<T> => ({
  ...deps.retry,
  known,
  write: (doc) => writeDoc(deps, db, doc),
});
export const nowOf = (deps: BookingDeps): Date => (deps.now ? deps.now() : new Date());
export const reached = async (deps: BookingDeps, step: WriteStep, bookingId: string): Promise<void> => {
  await deps.afterWrite?.(step, bookingId);
};
