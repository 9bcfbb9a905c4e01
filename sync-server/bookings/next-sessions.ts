import { decideHold } from '../../domain/booking-rules';
import type { SessionSuggestion } from '../../domain/schemas/booking';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { seatsLeft } from '../../domain/seats';
import { catalogDb, nowOf, type BookingDeps } from './deps';

const SUGGESTIONS = 3;
const SCANNED = 50;
const FRESH_MS = 1_000;
const MAX_COURSES = 200;

/**
 * The next scheduled sessions of a course with room for `seats`: offered when a session is full (no
 * waitlist). A crowd refused at the same moment shares one read of the course's sessions, kept for
 * a second and seen through the newest ledgers this process knows.
 */
export class NextSessions {
  private readonly reads = new Map<string, { sessions: Promise<SessionDoc[]>; until: number }>();

  constructor(private readonly deps: BookingDeps) {}

  async withRoom(courseId: string, seats: number, excludeId: string): Promise<SessionSuggestion[]> {
    const now = nowOf(this.deps);
    const sessions = await this.upcoming(courseId, now);
    return sessions
      .map((session) => this.deps.ledgers?.latest(session) ?? session)
      .filter((session) => session._id !== excludeId && decideHold(session, seats, now) === 'ok')
      .slice(0, SUGGESTIONS)
      .map((session) => ({ id: session._id, start: session.days[0]!.start, location: session.location, seatsLeft: seatsLeft(session) }));
  }

  private upcoming(courseId: string, now: Date): Promise<SessionDoc[]> {
    const hit = this.reads.get(courseId);
    if (hit && hit.until > Date.now()) return hit.sessions;
    if (this.reads.size >= MAX_COURSES) this.reads.clear();
    const sessions = catalogDb(this.deps)
      .view('catalog', 'sessions_by_course', { startkey: [courseId, now.toISOString()], endkey: [courseId, {}], include_docs: true, limit: SCANNED })
      .then((result) => result.rows.flatMap((row) => (row.doc ? [{ ...(row.doc as SessionDoc), holds: (row.doc as SessionDoc).holds ?? [] }] : [])));
    sessions.catch(() => this.reads.delete(courseId));
    this.reads.set(courseId, { sessions, until: Date.now() + FRESH_MS });
    return sessions;
  }
}
