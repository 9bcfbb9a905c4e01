import { hasStarted } from '../../domain/booking-rules';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { MAX_SESSION_SPAN_DAYS, type SessionsQuery } from '../../domain/schemas/scheduling';
import { sessionSummary, type SessionSummary } from '../../domain/session-summary';
import type { Couch } from '../plugins/couch';
import { sessionsDb } from './catalog-db';

const SPAN_MS = MAX_SESSION_SPAN_DAYS * 24 * 3600_000;

/**
 * Sessions with any day in [from, to). The views key sessions by their first day, so the range
 * reaches back by the longest session span and the overlap is then checked exactly.
 */
async function sessionsInWindow(couch: Couch, query: Pick<SessionsQuery, 'from' | 'to' | 'courseId'>): Promise<SessionDoc[]> {
  const lower = query.from ? new Date(Date.parse(query.from) - SPAN_MS).toISOString() : undefined;
  const range = query.courseId
    ? { startkey: [query.courseId, lower ?? ''], endkey: query.to ? [query.courseId, query.to] : [query.courseId, {}] }
    : { ...(lower ? { startkey: lower } : {}), ...(query.to ? { endkey: query.to } : {}) };
  const view = query.courseId ? 'sessions_by_course' : 'sessions_by_start';
  const result = await sessionsDb(couch).view<null>('catalog', view, { ...range, inclusive_end: false, include_docs: true });
  const fromMs = query.from ? Date.parse(query.from) : -Infinity;
  return result.rows
    .flatMap((row) => (row.doc ? [row.doc as SessionDoc] : []))
    .filter((doc) => Date.parse(doc.days.at(-1)!.end) > fromMs);
}

export async function listSessions(couch: Couch, query: SessionsQuery, now: Date): Promise<SessionSummary[]> {
  const docs = await sessionsInWindow(couch, query);
  return docs
    .filter((doc) => !query.location || doc.location === query.location)
    .map(sessionSummary)
    .filter((session) => !query.available || (session.seatsLeft > 0 && !hasStarted(session.start, now)));
}
