import { conditionalWrite, type Decision } from '../../couch/client/conditional-write';
import type { BookingDoc } from '../../domain/schemas/booking';
import { seatsLeft } from '../../domain/seats';
import type { Couch } from '../plugins/couch';
import { moveBooking } from './booking-status';
import { cancelSessionBookings } from './cancel-session-bookings';
import { bookingsDb, catalogDb, nowOf, type BookingDeps } from './deps';
import { HoldBatcher } from './hold-batcher';
import { bookingsByHold, bookingsById } from './hold-owners';
import { migrateLegacyHolds } from './legacy-holds';
import { OwnerlessHolds } from './ownerless-holds';
import { releaseHolds } from './ledger';
import { finishPending } from './place-booking';
import { leaseAlive, readLease } from '../instances/lease';
import { resolveLedgerConflicts, type ConflictedSession } from './resolve-conflicts';

export interface RecoveryOptions extends Omit<BookingDeps, 'couch' | 'afterWrite'> {
  /**
   * A pending booking younger than this whose process is alive (or unknown, for bookings written
   * without an instance stamp) may still be in flight, so it is left to that process.
   */
  graceSeconds?: number;
  /** Holds found without a booking in earlier passes; a hold is released once ownerless for the grace period. */
  ownerless?: OwnerlessHolds;
}

export interface RecoveryReport {
  conflictsResolved: number;
  confirmed: number;
  rejected: number;
  released: number;
  cancelled: number;
  reseated: number;
}

const DEFAULT_GRACE_SECONDS = 120;
const ORPHANS_AT_ONCE = 50;

async function bookingsWithStatus(deps: BookingDeps, status: 'pending' | 'confirmed'): Promise<BookingDoc[]> {
  const result = await bookingsDb(deps).view('bookings', 'by_status', { startkey: [status], endkey: [status, {}], include_docs: true });
  return result.rows.flatMap((row) => (row.doc ? [row.doc as BookingDoc] : []));
}

async function allSessions(deps: BookingDeps): Promise<ConflictedSession[]> {
  const result = await catalogDb(deps).list({ startkey: 'session:', endkey: 'session:\ufff0', include_docs: true, conflicts: true });
  return result.rows.flatMap((row) => {
    const doc = row.doc as ConflictedSession | undefined;
    return doc?.type === 'session' ? [{ ...doc, holds: doc.holds ?? [] }] : [];
  });
}

/**
 * A pending booking is orphaned when the process that wrote it holds no live lease (one lease read
 * per process), or when it is this process's own and no request of ours is working on it.
 */
function orphanTest(deps: BookingDeps): (booking: BookingDoc) => Promise<boolean> {
  const verdicts = new Map<string, Promise<boolean>>();
  return (booking) => {
    const instance = booking.instance;
    if (!instance) return Promise.resolve(false);
    if (instance === deps.instance) return Promise.resolve(!!deps.inFlight && !deps.inFlight.has(booking._id));
    if (!verdicts.has(instance)) verdicts.set(instance, readLease(deps.couch, instance).then((lease) => !leaseAlive(lease, nowOf(deps))));
    return verdicts.get(instance)!;
  };
}

/** Gives a confirmed booking back the seat it lost, if the session has room; else it is rejected. */
async function reseat(deps: BookingDeps, booking: BookingDoc): Promise<'reseated' | 'rejected' | 'unchanged'> {
  const { fits } = await conditionalWrite(
    catalogDb(deps),
    booking.sessionId,
    (session): Decision<ConflictedSession, { fits: boolean | null }> => {
      const holds = session?.holds ?? [];
      if (session && holds.some((hold) => hold.holdId === booking.holdId)) return { done: { fits: null } };
      if (!session || seatsLeft({ ...session, holds }) < booking.seats) return { done: { fits: false } };
      const hold = { holdId: booking.holdId, seats: booking.seats, at: booking.confirmedAt ?? booking.createdAt };
      return { write: { ...session, holds: [...holds, hold] } as ConflictedSession, result: { fits: true } };
    },
    deps.retry,
  );
  if (fits) return 'reseated';
  if (fits === null) return 'unchanged';
  const after = await moveBooking(deps, booking._id, ['confirmed'], { to: 'rejected', reason: 'overbooked_on_conflict' });
  return after?.status === 'rejected' ? 'rejected' : 'unchanged';
}

/** Finishes the orphaned ones among these pending bookings: hold if it fits, then confirm; else reject. */
async function finishOrphans(deps: BookingDeps, pending: BookingDoc[], graceSeconds = DEFAULT_GRACE_SECONDS): Promise<{ confirmed: number; rejected: number }> {
  const cutoff = nowOf(deps).getTime() - graceSeconds * 1000;
  const orphaned = orphanTest(deps);
  const counts = { confirmed: 0, rejected: 0 };
  // Finished side by side, their holds grouped per session: a crash mid-load leaves dozens at once.
  const batched: BookingDeps = { ...deps, holds: new HoldBatcher(deps) };
  for (let start = 0; start < pending.length; start += ORPHANS_AT_ONCE) {
    await Promise.all(
      pending.slice(start, start + ORPHANS_AT_ONCE).map(async (booking) => {
        if (Date.parse(booking.createdAt) >= cutoff && !(await orphaned(booking))) return;
        const status = (await finishPending(batched, booking, null)).booking?.status;
        if (status === 'confirmed') counts.confirmed++;
        if (status === 'rejected') counts.rejected++;
      }),
    );
  }
  return counts;
}

/**
 * Only the pending bookings no live process owns: cheap (one small view read), so it runs as soon
 * as a booking request failed half-way, e.g. while the database restarted, and not only every pass.
 */
export async function finishOrphanedBookings(couch: Couch, options: RecoveryOptions = {}): Promise<{ confirmed: number; rejected: number }> {
  const deps: BookingDeps = { couch, ...options };
  return finishOrphans(deps, await bookingsWithStatus(deps, 'pending'), options.graceSeconds);
}

/**
 * Finishes whatever a crash, a cluster conflict or a half-done session cancellation left behind.
 * Afterwards no seat is held without a live booking and no confirmed booking lacks its seat.
 * Safe to run at any time, in several processes at once: every change is a conditional write.
 * Bookings are read before sessions: a booking is always written before its hold, so any hold
 * seen in the later read either belongs to a booking already read or is re-checked below.
 */
export async function recoverBookings(couch: Couch, options: RecoveryOptions = {}): Promise<RecoveryReport> {
  const deps: BookingDeps = { couch, ...options };
  const graceSeconds = options.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  const report: RecoveryReport = { conflictsResolved: 0, confirmed: 0, rejected: 0, released: 0, cancelled: 0, reseated: 0 };
  const activeBookings = async () => [...(await bookingsWithStatus(deps, 'pending')), ...(await bookingsWithStatus(deps, 'confirmed'))];
  let active = await activeBookings();

  let sessions = await allSessions(deps);
  if (await migrateLegacyHolds(deps, active, sessions)) {
    active = await activeBookings();
    sessions = await allSessions(deps);
  }
  for (const session of sessions.filter((s) => s._conflicts?.length)) {
    const { resolved, cut } = await resolveLedgerConflicts(deps, session);
    if (resolved) report.conflictsResolved++;
    report.rejected += cut.length;
  }
  if (report.conflictsResolved) sessions = await allSessions(deps);
  const sessionById = new Map(sessions.map((session) => [session._id, session]));

  const cancelledSessions = new Set(active.filter((b) => sessionById.get(b.sessionId)?.status === 'cancelled').map((b) => b.sessionId));
  for (const sessionId of cancelledSessions) report.cancelled += (await cancelSessionBookings(couch, sessionId)).bookings;

  const pending = active.filter((b) => b.status === 'pending' && !cancelledSessions.has(b.sessionId));
  const finished = await finishOrphans(deps, pending, graceSeconds);
  report.confirmed += finished.confirmed;
  report.rejected += finished.rejected;
  if (report.confirmed) sessions = await allSessions(deps);

  const activeHolds = new Set(active.map((booking) => booking.holdId));
  const suspects = sessions.flatMap((session) => session.holds.filter((hold) => !activeHolds.has(hold.holdId)).map((hold) => hold.holdId));
  const fresh = await bookingsByHold(deps, suspects);
  const ownerless = (options.ownerless ?? new OwnerlessHolds()).overdue(
    suspects.filter((holdId) => !fresh.has(holdId)),
    nowOf(deps).getTime(),
    graceSeconds * 1000,
  );
  // Only suspects are in `fresh` or `ownerless`: a hold of an active booking is never dead here.
  const isDead = (holdId: string) => {
    const status = fresh.get(holdId)?.status;
    return status ? status !== 'pending' && status !== 'confirmed' : ownerless.has(holdId);
  };
  for (const session of sessions) {
    const dead = session.holds.filter((hold) => isDead(hold.holdId)).map((hold) => hold.holdId);
    if (dead.length) report.released += await releaseHolds(deps, session._id, dead);
  }

  const held = new Set(sessions.flatMap((session) => session.holds.map((hold) => hold.holdId)));
  const unseated = active.filter((b) => b.status === 'confirmed' && !held.has(b.holdId) && !cancelledSessions.has(b.sessionId));
  const current = await bookingsById(deps, unseated.map((booking) => booking._id));
  for (const booking of unseated) {
    const now = current.get(booking._id);
    if (now?.status !== 'confirmed') continue;
    const outcome = await reseat(deps, now);
    if (outcome === 'reseated') report.reseated++;
    if (outcome === 'rejected') report.rejected++;
  }
  return report;
}
