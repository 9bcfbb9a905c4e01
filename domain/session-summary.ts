import type { SessionDoc } from './schemas/catalog';
import { seatsBooked, seatsLeft } from './seats';

/** The public view of a session, as the API lists it: seat counts, not the ledger's holds. */
export function sessionSummary(doc: SessionDoc) {
  const holds = doc.holds ?? [];
  return {
    id: doc._id,
    courseId: doc.courseId,
    courseTitle: doc.courseTitle,
    location: doc.location,
    days: doc.days,
    start: doc.days[0]!.start,
    end: doc.days.at(-1)!.end,
    capacity: doc.capacity,
    seatsBooked: seatsBooked({ holds }),
    seatsLeft: doc.status === 'scheduled' ? seatsLeft({ capacity: doc.capacity, holds }) : 0,
    status: doc.status,
    seriesId: doc.seriesId ?? null,
    notes: doc.notes ?? '',
  };
}
export type SessionSummary = ReturnType<typeof sessionSummary>;
