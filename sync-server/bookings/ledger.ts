import type { DocumentGetParams } from 'nano';
import { conditionalWrite, type Decision } from '../../couch/client/conditional-write';
import { decideHold, type HoldVerdict } from '../../domain/booking-rules';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { DB } from '../../domain/databases';
import { seatsLeft } from '../../domain/seats';
import { catalogDb, nowOf, writeOptions, type BookingDeps, type HoldOutcome, type HoldRequest } from './deps';
import { resolveLedgerConflicts, type ConflictedSession } from './resolve-conflicts';

type Held = Omit<HoldOutcome, 'retries'>;

/** Decides a batch of holds in arrival order against one read of the session. */
function decideBatch(session: SessionDoc | null, batch: readonly HoldRequest[], now: Date): Decision<SessionDoc, { outcomes: Held[]; ledger: SessionDoc | null }> {
  if (!session || session.type !== 'session') return { done: { outcomes: batch.map(() => ({ verdict: 'session_not_found', seatsLeft: 0 })), ledger: null } };
  let ledger = { ...session, holds: session.holds ?? [] };
  const verdicts = batch.map((booking): HoldVerdict => {
    if (ledger.holds.some((hold) => hold.holdId === booking.holdId)) return 'ok';
    const verdict = decideHold(ledger, booking.seats, now);
    if (verdict === 'ok') ledger = { ...ledger, holds: [...ledger.holds, { holdId: booking.holdId, seats: booking.seats, at: now.toISOString() }] };
    return verdict;
  });
  const outcomes = verdicts.map((verdict) => ({ verdict, seatsLeft: seatsLeft(ledger) }));
  const grew = ledger.holds.length > (session.holds ?? []).length;
  return grew ? { write: ledger, result: { outcomes, ledger } } : { done: { outcomes, ledger: session } };
}

const SETTLE_ROUNDS = 5;

/** Every copy of the document (CouchDB's `r`); one node ignores it. */
const ALL_COPIES = 3;

/**
 * The ledger once no conflicting revision is left, and the bookings the merge cut. On a CouchDB
 * cluster a ledger write can be stored beside a concurrent one as a conflict, and a write refused
 * with 409 can still leave its revision on a minority of copies. A read of every copy that finds
 * them different repairs them before it answers, but answers with one copy's view, so a hold counts
 * only once two reads in a row show the same ledger without conflicts. On one node both reads agree.
 */
async function settledLedger(deps: BookingDeps, sessionId: string): Promise<{ session: SessionDoc; cut: Set<string> }> {
  const cut = new Set<string>();
  let previous: string | undefined;
  for (let round = 0; round < SETTLE_ROUNDS * 2; round++) {
    const session = (await catalogDb(deps).get(sessionId, { conflicts: true, r: ALL_COPIES } as DocumentGetParams)) as ConflictedSession;
    if (!session._conflicts?.length) {
      if (session._rev === previous) return { session, cut };
      previous = session._rev;
      continue;
    }
    previous = undefined;
    const merged = await resolveLedgerConflicts(deps, session);
    for (const hold of merged.cut) cut.add(hold.holdId);
  }
  throw new Error(`The seat ledger of ${sessionId} kept changing after ${SETTLE_ROUNDS * 2} reads`);
}

const copiesKept = new WeakMap<BookingDeps['couch'], Promise<number>>();

/**
 * How many copies of each catalog document the database keeps (CouchDB's `cluster.n`; the embedded
 * server, which has no `cluster`, keeps one). With one copy a write CouchDB accepted is the only
 * revision there is, so a ledger never needs settling. Asked once per client.
 */
function catalogCopies(deps: BookingDeps): Promise<number> {
  let copies = copiesKept.get(deps.couch);
  if (!copies) {
    copies = deps.couch.sync.request({ db: DB.catalog }).then((info: { cluster?: { n?: number } }) => info.cluster?.n ?? 1);
    copies.catch(() => copiesKept.delete(deps.couch));
    copiesKept.set(deps.couch, copies);
  }
  return copies;
}

/**
 * One conditional write for a whole batch of holds on one session; a hold is 'ok' only once it
 * settled. The first round writes on the newest ledger this process knows without reading it again.
 */
export async function holdBatch(deps: BookingDeps, sessionId: string, batch: readonly HoldRequest[], rounds = SETTLE_ROUNDS): Promise<HoldOutcome[]> {
  const { outcomes, retries, ledger, rev } = await conditionalWrite(
    catalogDb(deps),
    sessionId,
    (session) => decideBatch(session, batch, nowOf(deps)),
    writeOptions(deps, DB.catalog, rounds === SETTLE_ROUNDS ? deps.ledgers?.get(sessionId) : undefined),
  );
  if (ledger) deps.ledgers?.see(rev ? { ...ledger, _rev: rev } : ledger);
  const settles = outcomes.some((outcome) => outcome.verdict === 'ok') && (await catalogCopies(deps)) > 1;
  if (!settles) return outcomes.map((outcome) => ({ ...outcome, retries }));
  const { session, cut } = await settledLedger(deps, sessionId);
  const held = new Set((session.holds ?? []).map((hold) => hold.holdId));
  const lost = batch.filter((booking, i) => outcomes[i]!.verdict === 'ok' && !held.has(booking.holdId) && !cut.has(booking.holdId));
  const again = lost.length && rounds > 1 ? await holdBatch(deps, sessionId, lost, rounds - 1) : [];
  return batch.map((booking, i): HoldOutcome => {
    const outcome = outcomes[i]!;
    if (outcome.verdict !== 'ok' || held.has(booking.holdId)) return { ...outcome, seatsLeft: seatsLeft(session), retries };
    const retried = again[lost.indexOf(booking)];
    return retried ?? { verdict: 'session_full', seatsLeft: seatsLeft(session), retries };
  });
}

/** Adds the booking's hold to its session's seat ledger, unless it is there already or does not fit. */
export async function holdSeats(deps: BookingDeps, booking: HoldRequest): Promise<HoldOutcome> {
  if (deps.holds) return deps.holds.hold(booking);
  const [outcome] = await holdBatch(deps, booking.sessionId, [booking]);
  return outcome!;
}

/** Removes these holds from a session's ledger; the seats are free at once. */
export async function releaseHolds(deps: BookingDeps, sessionId: string, holdIds: readonly string[]): Promise<number> {
  const releasing = new Set(holdIds);
  const { released } = await conditionalWrite(
    catalogDb(deps),
    sessionId,
    (session): Decision<SessionDoc, { released: number }> => {
      const holds = session?.holds ?? [];
      // A legacy hold (no holdId yet, see legacy-holds.ts) is never released by a missing id.
      const kept = holds.filter((hold) => !hold.holdId || !releasing.has(hold.holdId));
      if (!session || kept.length === holds.length) return { done: { released: 0 } };
      return { write: { ...session, holds: kept }, result: { released: holds.length - kept.length } };
    },
    writeOptions(deps, DB.catalog),
  );
  return released;
}
