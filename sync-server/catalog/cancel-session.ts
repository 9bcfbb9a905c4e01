import { conditionalWrite } from '../../couch/client/conditional-write';
import { hasStarted } from '../../domain/booking-rules';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { seatsBooked } from '../../domain/seats';
import { cancelSessionBookings } from '../bookings/cancel-session-bookings';
import { getSession, sessionsDb, type ScheduleContext } from './catalog-db';
import { sessionNotFound, sessionPast } from './errors';
import { releaseSlot } from './schedule';

export interface CancelledCounts {
  bookings: number;
  attendees: number;
}

/** What cancelling would cancel, read from the seat ledger: the cancel dialog shows it. */
export const cancellationImpact = (session: Pick<SessionDoc, 'holds'>): CancelledCounts => ({
  bookings: (session.holds ?? []).length,
  attendees: seatsBooked({ holds: session.holds ?? [] }),
});

/**
 * Cancels a session: the document is marked cancelled and stays (history), then its bookings are
 * cancelled through the booking validator, then its schedule entry goes. In that order a crash
 * leaves a cancelled session still in the schedule, which recovery finishes. Repeating a cancel
 * finishes whatever an earlier attempt left undone.
 */
export async function cancelSession(ctx: ScheduleContext, id: string): Promise<{ session: SessionDoc; cancelled: CancelledCounts }> {
  const { marked } = await conditionalWrite(sessionsDb(ctx.couch), id, (current) => {
    if (!current || current.type !== 'session') throw sessionNotFound();
    if (current.status === 'cancelled') return { done: { marked: current } };
    if (current.status === 'completed' || hasStarted(current.days[0]!.start, ctx.now())) throw sessionPast();
    const next: SessionDoc = { ...current, status: 'cancelled', updatedAt: ctx.now().toISOString() };
    return { write: next, result: { marked: next } };
  });
  const cancelled = await cancelSessionBookings(ctx.couch, id);
  await releaseSlot(ctx, id);
  return { session: (await getSession(ctx.couch, id)) ?? marked, cancelled };
}
