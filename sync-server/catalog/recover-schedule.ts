import { conditionalWrite } from '../../couch/client/conditional-write';
import type { ScheduleEntry, SessionDoc } from '../../domain/schemas/catalog';
import { cancelSessionBookings } from '../bookings/cancel-session-bookings';
import type { Couch } from '../plugins/couch';
import { getSessions, sessionsDb, type ScheduleContext } from './catalog-db';
import { confirmSlots, readSchedule, releaseSlot } from './schedule';

export interface ScheduleRecoveryReport {
  /** Session documents of an interrupted create, written from their pending entry. */
  created: number;
  /** Session documents of an interrupted move, moved to where the schedule has them. */
  moved: number;
  /** Cancels that stopped before the bookings were cancelled or the entry removed, finished. */
  cancelled: number;
  /** Entries with no session behind them, or for a completed session, removed. */
  dropped: number;
}

const sameSlot = (entry: ScheduleEntry, doc: SessionDoc): boolean =>
  entry.location === doc.location && JSON.stringify(entry.days) === JSON.stringify(doc.days);

function docFromPending(entry: ScheduleEntry & { pending: NonNullable<ScheduleEntry['pending']> }, now: Date): SessionDoc {
  const { courseId, courseTitle, capacity, notes, seriesId } = entry.pending;
  return {
    _id: entry.sessionId,
    type: 'session',
    courseId,
    courseTitle,
    location: entry.location,
    days: entry.days,
    capacity,
    status: 'scheduled',
    ...(seriesId ? { seriesId } : {}),
    notes,
    holds: [],
    updatedAt: now.toISOString(),
  };
}

/**
 * Makes the session documents agree with the schedule document, finishing whatever a crash
 * interrupted; run at start-up and periodically. Safe beside live requests and other processes:
 * every step is idempotent and written conditionally. Session documents are read before the
 * schedule is read again, and the API always writes the schedule first, so the schedule seen is
 * never older than the documents; entries that appeared in between are left for the next pass.
 */
export async function recoverSchedule(couch: Couch, options: { now?: () => Date } = {}): Promise<ScheduleRecoveryReport> {
  const ctx: Pick<ScheduleContext, 'couch' | 'now'> = { couch, now: options.now ?? (() => new Date()) };
  const report: ScheduleRecoveryReport = { created: 0, moved: 0, cancelled: 0, dropped: 0 };
  const seen = new Set((await readSchedule(couch)).map((entry) => entry.sessionId));
  const docs = await getSessions(couch, [...seen]);
  const entries = (await readSchedule(couch)).filter((entry) => seen.has(entry.sessionId));
  const confirmed: string[] = [];

  for (const entry of entries) {
    const doc = docs.get(entry.sessionId);
    if (!doc) {
      if (!entry.pending) {
        await releaseSlot(ctx, entry.sessionId);
        report.dropped += 1;
        continue;
      }
      const created = docFromPending({ ...entry, pending: entry.pending }, ctx.now());
      await conditionalWrite(sessionsDb(couch), created._id, (current) => (current ? { done: {} } : { write: created, result: {} }));
      confirmed.push(entry.sessionId);
      report.created += 1;
    } else if (doc.status === 'cancelled') {
      await cancelSessionBookings(couch, doc._id);
      await releaseSlot(ctx, doc._id);
      report.cancelled += 1;
    } else if (doc.status === 'completed') {
      await releaseSlot(ctx, doc._id);
      report.dropped += 1;
    } else {
      if (!sameSlot(entry, doc)) {
        const { moved } = await conditionalWrite(sessionsDb(couch), doc._id, (current) =>
          current?.status === 'scheduled' && !sameSlot(entry, current)
            ? { write: { ...current, location: entry.location, days: entry.days, updatedAt: ctx.now().toISOString() }, result: { moved: 1 } }
            : { done: { moved: 0 } },
        );
        report.moved += moved;
      }
      if (entry.pending) confirmed.push(entry.sessionId);
    }
  }
  await confirmSlots(ctx, confirmed);
  return report;
}
