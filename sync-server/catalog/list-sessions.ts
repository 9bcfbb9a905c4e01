import { isBookable } from '../../domain/booking-rules';
import type { SessionDoc } from '../../domain/schemas/catalog';
import type { Window } from '../../domain/schemas/lists';
import { MAX_SESSION_SPAN_DAYS, type SessionsQuery } from '../../domain/schemas/scheduling';
import { sessionSummary, type SessionSummary } from '../../domain/session-summary';
import type { PageSource } from '../lists/read-page';
import { viewRows } from '../lists/view-rows';
import type { Couch } from '../plugins/couch';
import { sessionsDb } from './catalog-db';

const SPAN_MS = MAX_SESSION_SPAN_DAYS * 24 * 3600_000;

export type SessionFilters = Pick<SessionsQuery, 'courseId' | 'location' | 'available'>;

/**
 * Sessions with any day in the window, by first day. The views key sessions by their first day, so
 * the range reaches back by the longest session span and the overlap is then checked exactly.
 */
export function sessionsInWindow(couch: Couch, filters: SessionFilters, window: Window, now: Date): PageSource<SessionSummary> {
  const lower = new Date(Date.parse(window.from) - SPAN_MS).toISOString();
  const fromMs = Date.parse(window.from);
  const db = sessionsDb(couch);
  const rows = filters.courseId
    ? viewRows(db, 'catalog', 'sessions_by_course', { prefix: [filters.courseId], start: [lower], end: [window.to] })
    : viewRows(db, 'catalog', 'sessions_by_start', { start: [lower], end: [window.to] });
  const listed = (doc: SessionDoc | undefined): SessionSummary[] => {
    if (doc?.type !== 'session' || Date.parse(doc.days.at(-1)!.end) <= fromMs) return [];
    if (filters.location && doc.location !== filters.location) return [];
    const session = sessionSummary(doc);
    return !filters.available || isBookable(doc, session.seatsLeft, now) ? [session] : [];
  };
  return { rows, items: async (found) => found.map((row) => listed(row.doc as SessionDoc | undefined)) };
}
