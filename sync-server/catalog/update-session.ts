import { conditionalWrite } from '../../couch/client/conditional-write';
import type { SessionDoc } from '../../domain/schemas/catalog';
import type { UpdateSessionRequest } from '../../domain/schemas/scheduling';
import { HttpError } from '../http-error';
import { sessionsDb, getSession, type ScheduleContext } from './catalog-db';
import { scheduleConflict, sessionNotFound } from './errors';
import { describeClashes, moveSlot, releaseSlot } from './schedule';
import { assertCapacityHolds, assertDaysFit, assertEditable } from './session-rules';

/** Changes an editable session, re-checking the rules against the revision it writes over; keeps the holds. */
async function writeSession(ctx: ScheduleContext, id: string, change: (current: SessionDoc) => Partial<SessionDoc>): Promise<SessionDoc> {
  const { doc } = await conditionalWrite(sessionsDb(ctx.couch), id, (current) => {
    if (!current || current.type !== 'session') throw sessionNotFound();
    assertEditable(current, ctx.now());
    const next: SessionDoc = { ...current, ...change(current), updatedAt: ctx.now().toISOString() };
    assertCapacityHolds(next.capacity, current);
    return { write: next, result: { doc: next } };
  });
  return doc;
}

const sameDays = (a: SessionDoc['days'], b: SessionDoc['days']): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Moves a session and changes its capacity and notes. A move goes through the schedule document
 * first. A capacity cut is written before the move, so that if the move is refused it can always be
 * undone: raising a capacity back never conflicts with the bookings made since.
 */
export async function updateSession(ctx: ScheduleContext, id: string, patch: UpdateSessionRequest): Promise<SessionDoc> {
  const current = await getSession(ctx.couch, id);
  if (!current) throw sessionNotFound();
  assertEditable(current, ctx.now());
  const days = patch.days ?? current.days;
  const location = patch.location ?? current.location;
  const capacity = patch.capacity ?? current.capacity;
  const moving = !sameDays(days, current.days) || location !== current.location;
  if (patch.days) assertDaysFit(days, current.days.length, ctx.now(), ctx.horizonYears);
  assertCapacityHolds(capacity, current);

  const cutting = capacity < current.capacity;
  if (cutting) await writeSession(ctx, id, () => ({ capacity }));
  if (moving) {
    const outcome = await moveSlot(ctx, id, { location, days });
    if (!outcome.moved) {
      if (cutting) await writeSession(ctx, id, (doc) => (doc.capacity === capacity ? { capacity: current.capacity } : {}));
      throw scheduleConflict(await describeClashes(ctx.couch, outcome.clashes));
    }
  }
  try {
    return await writeSession(ctx, id, () => ({ days, location, capacity, notes: patch.notes ?? current.notes }));
  } catch (error) {
    // Cancelled meanwhile: the entry this move wrote must go, as the cancel itself would have done.
    if (moving && error instanceof HttpError && error.code === 'session_cancelled') await releaseSlot(ctx, id);
    throw error;
  }
}
