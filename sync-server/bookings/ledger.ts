import { conditionalWrite, type Decision } from '../../couch/conditional-write';
import { decideHold, type HoldVerdict } from '../../domain/booking-rules';
import type { BookingDoc } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { seatsLeft } from '../../domain/seats';
import { catalogDb, nowOf, type BookingDeps } from './deps';

export type HoldRequest = Pick<BookingDoc, '_id' | 'sessionId' | 'seats'>;
type Held = { verdict: HoldVerdict | 'session_not_found'; seatsLeft: number };
export type HoldOutcome = Held & { retries: number };

/** Decides a batch of holds in arrival order against one read of the session. */
function decideBatch(session: SessionDoc | null, batch: readonly HoldRequest[], now: Date): Decision<SessionDoc, { outcomes: Held[]; ledger: SessionDoc | null }> {
  if (!session || session.type !== 'session') return { done: { outcomes: batch.map(() => ({ verdict: 'session_not_found', seatsLeft: 0 })), ledger: null } };
  let ledger = { ...session, holds: session.holds ?? [] };
  const verdicts = batch.map((booking): HoldVerdict => {
    if (ledger.holds.some((hold) => hold.bookingId === booking._id)) return 'ok';
    const verdict = decideHold(ledger, booking.seats, now);
    if (verdict === 'ok') ledger = { ...ledger, holds: [...ledger.holds, { bookingId: booking._id, seats: booking.seats, at: now.toISOString() }] };
    return verdict;
  });
  const outcomes = verdicts.map((verdict) => ({ verdict, seatsLeft: seatsLeft(ledger) }));
  const grew = ledger.holds.length > (session.holds ?? []).length;
  return grew ? { write: ledger, result: { outcomes, ledger } } : { done: { outcomes, ledger: session } };
}

/** One conditional write for a whole batch of holds on one session. */
export async function holdBatch(deps: BookingDeps, sessionId: string, batch: readonly HoldRequest[]): Promise<HoldOutcome[]> {
  const { outcomes, retries, ledger, rev } = await conditionalWrite(catalogDb(deps), sessionId, (session) => decideBatch(session, batch, nowOf(deps)), deps.retry);
  if (ledger) deps.ledgers?.see(rev ? { ...ledger, _rev: rev } : ledger);
  return outcomes.map((outcome) => ({ ...outcome, retries }));
}

/** Adds the booking's hold to its session's seat ledger, unless it is there already or does not fit. */
export async function holdSeats(deps: BookingDeps, booking: HoldRequest): Promise<HoldOutcome> {
  if (deps.holds) return deps.holds.hold(booking);
  const [outcome] = await holdBatch(deps, booking.sessionId, [booking]);
  return outcome!;
}

/** Removes the holds of these bookings from a session's ledger; the seats are free at once. */
export async function releaseHolds(deps: BookingDeps, sessionId: string, bookingIds: readonly string[]): Promise<number> {
  const releasing = new Set(bookingIds);
  const { released } = await conditionalWrite(
    catalogDb(deps),
    sessionId,
    (session): Decision<SessionDoc, { released: number }> => {
      const holds = session?.holds ?? [];
      const kept = holds.filter((hold) => !releasing.has(hold.bookingId));
      if (!session || kept.length === holds.length) return { done: { released: 0 } };
      return { write: { ...session, holds: kept }, result: { released: holds.length - kept.length } };
    },
    deps.retry,
  );
  return released;
}
