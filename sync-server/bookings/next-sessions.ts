import { decideHold } from '../../domain/booking-rules';
import type { SessionSuggestion } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { seatsLeft } from '../../domain/seats';
import { catalogDb, nowOf, type BookingDeps } from './deps';

const SUGGESTIONS = 3;
const SCANNED = 50;

/** The next scheduled sessions of a course with room for `seats`: offered when a session is full (no waitlist). */
export async function nextSessionsWithRoom(deps: BookingDeps, courseId: string, seats: number, excludeId: string): Promise<SessionSuggestion[]> {
  const now = nowOf(deps);
  const result = await catalogDb(deps).view('catalog', 'sessions_by_course', {
    startkey: [courseId, now.toISOString()],
    endkey: [courseId, {}],
    include_docs: true,
    limit: SCANNED,
  });
  return result.rows
    .flatMap((row) => (row.doc ? [{ ...(row.doc as SessionDoc), holds: (row.doc as SessionDoc).holds ?? [] }] : []))
    .filter((session) => session._id !== excludeId && decideHold(session, seats, now) === 'ok')
    .slice(0, SUGGESTIONS)
    .map((session) => ({ id: session._id, start: session.days[0]!.start, location: session.location, seatsLeft: seatsLeft(session) }));
}
