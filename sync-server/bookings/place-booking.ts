import { isConflict, isNotFound } from '../../couch/client';
import { decideHold, type HoldVerdict } from '../../domain/booking-rules';
import { DB } from '../../domain/databases';
import { bookingDocId, DOC_TYPES, newHoldId } from '../../domain/doc-ids';
import type { BookingDoc, BookingReason, BookingRequest } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { seatsLeft } from '../../domain/seats';
import { moveBooking } from './booking-status';
import { bookingsDb, catalogDb, nowOf, reached, writeDoc, type BookingDeps } from './deps';
import { idempotentBookingId } from './idempotency';
import { holdSeats } from './ledger';

export type Refusal = Exclude<HoldVerdict, 'ok'> | 'session_not_found' | BookingReason;

export type PlaceResult =
  | { booking: BookingDoc; retries: number }
  | { refused: Refusal; seatsLeft: number; session: SessionDoc | null; booking?: BookingDoc; retries: number };

export interface PlaceInput extends BookingRequest {
  owner: string;
  contact: { name: string; email: string };
  idempotencyKey?: string;
}

export class IdempotencyKeyReused extends Error {}

async function readSession(deps: BookingDeps, id: string): Promise<SessionDoc | null> {
  const read = async () => {
    const doc = await catalogDb(deps).get(id).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
    return doc?.type === DOC_TYPES.session ? { ...doc, holds: doc.holds ?? [] } : null;
  };
  return deps.ledgers ? deps.ledgers.read(id, read) : read();
}

async function readBooking(deps: BookingDeps, id: string): Promise<BookingDoc | null> {
  return bookingsDb(deps).get(id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
}

/** Writes the pending booking; with an idempotency id, a concurrent twin may win and is answered instead. */
async function writePending(deps: BookingDeps, doc: BookingDoc): Promise<{ written: boolean; booking: BookingDoc }> {
  try {
    const { rev } = await writeDoc(deps, DB.bookings, doc);
    return { written: true, booking: { ...doc, _rev: rev } };
  } catch (error) {
    const twin = isConflict(error) && doc.idempotencyKey ? await readBooking(deps, doc._id) : null;
    if (!twin) throw error;
    return { written: false, booking: twin };
  }
}

function answer(booking: BookingDoc, session: SessionDoc | null, retries: number): PlaceResult {
  if (booking.status === 'confirmed' || booking.status === 'cancelled') return { booking, retries };
  const left = session ? seatsLeft(session) : 0;
  return { refused: booking.reason ?? 'interrupted', seatsLeft: left, session, booking, retries };
}

/**
 * Seat, then confirmation: the two writes after the pending booking. Shared with idempotent retries
 * and with recovery, which finishes a crashed process's pending bookings the same way, so a retry
 * after a crash gets the booking's real outcome. Idempotent: a hold already in the ledger is kept.
 */
export async function finishPending(deps: BookingDeps, pending: BookingDoc, session: SessionDoc | null): Promise<PlaceResult> {
  const hold = await holdSeats(deps, pending);
  if (hold.verdict !== 'ok') {
    const after = await moveBooking(deps, pending._id, ['pending'], { to: 'rejected', reason: hold.verdict }, pending);
    return after?.status === 'rejected'
      ? { refused: hold.verdict, seatsLeft: hold.seatsLeft, session, booking: after, retries: hold.retries }
      : answer(after ?? pending, session, hold.retries);
  }
  await reached(deps, 'hold-written', pending._id);
  const after = await moveBooking(deps, pending._id, ['pending'], { to: 'confirmed' }, pending);
  return answer(after ?? pending, session, hold.retries);
}

/**
 * The booking validator. Writes in the order recovery can always finish: a pending booking, then
 * the hold in the session's seat ledger (a conditional write), then the confirmation.
 */
export async function placeBooking(deps: BookingDeps, input: PlaceInput): Promise<PlaceResult> {
  const session = await readSession(deps, input.sessionId);
  const id = input.idempotencyKey ? idempotentBookingId(input.owner, input.idempotencyKey) : bookingDocId();
  const earlier = input.idempotencyKey ? await readBooking(deps, id) : null;
  if (earlier) return resume(deps, earlier, input, session);
  if (!session) return { refused: 'session_not_found', seatsLeft: 0, session, retries: 0 };

  const now = nowOf(deps);
  const seats = input.attendees.length;
  const early = refuseEarly(deps, session, seats, now);
  if (early) return early;
  const release = await admit(deps, session, seats);
  try {
    // Decided again on the ledger the bookings admitted before this one left behind.
    const refusal = refuseEarly(deps, session, seats, now);
    if (refusal) return refusal;
    deps.inFlight?.add(id);
    return await writeAndFinish(deps, input, session, id, now);
  } finally {
    deps.inFlight?.delete(id);
    release();
  }
}

const admit = (deps: BookingDeps, session: SessionDoc, seats: number): Promise<() => void> =>
  deps.admission?.admit(session._id, seats, () => seatsLeft(deps.ledgers ? deps.ledgers.latest(session) : session)) ?? Promise.resolve(() => {});

/** A refusal decided on the newest ledger this process knows, before anything is written; null when the seats fit. */
function refuseEarly(deps: BookingDeps, read: SessionDoc, seats: number, now: Date): PlaceResult | null {
  const session = deps.ledgers ? deps.ledgers.latest(read) : read;
  const verdict = decideHold(session, seats, now);
  return verdict === 'ok' ? null : { refused: verdict, seatsLeft: seatsLeft(session), session, retries: 0 };
}

async function writeAndFinish(deps: BookingDeps, input: PlaceInput, session: SessionDoc, id: string, now: Date): Promise<PlaceResult> {
  const { written, booking: pending } = await writePending(deps, {
    _id: id,
    type: DOC_TYPES.booking,
    owner: input.owner,
    sessionId: session._id,
    courseId: session.courseId,
    sessionStart: session.days[0]!.start,
    seats: input.attendees.length,
    holdId: newHoldId(),
    attendees: input.attendees,
    contact: input.contact,
    status: 'pending',
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(deps.instance ? { instance: deps.instance } : {}),
    createdAt: now.toISOString(),
  });
  if (!written) return resume(deps, pending, input, session);
  await reached(deps, 'pending-written', pending._id);
  return finishPending(deps, pending, session);
}

const attendeeList = (attendees: BookingRequest['attendees']): string =>
  JSON.stringify(attendees.map((attendee) => [attendee.name, attendee.email ?? null]));

/** A retry repeats the request exactly; anything else under the same key is a different booking. */
const sameRequest = (earlier: BookingDoc, input: PlaceInput): boolean =>
  earlier.sessionId === input.sessionId && attendeeList(earlier.attendees) === attendeeList(input.attendees);

function resume(deps: BookingDeps, earlier: BookingDoc, input: PlaceInput, session: SessionDoc | null): Promise<PlaceResult> {
  if (!sameRequest(earlier, input)) throw new IdempotencyKeyReused();
  if (earlier.status === 'pending') return finishPending(deps, earlier, session);
  return Promise.resolve(answer(earlier, session, 0));
}
