import { isBookable } from '../../../../../domain/booking-rules';
import { LOCATIONS } from '../../../../../domain/catalog-values';
import type { Location, SessionDoc } from '../../../../../domain/schemas/catalog';
import { londonDate } from '../../../../../domain/london-time';

/** What the customer narrowed the calendar to. Lives in the URL so a filtered view can be shared. */
export interface SessionFilters {
  course?: string;
  location?: Location;
  /** London calendar dates, inclusive: "2031-06-01". */
  from?: string;
  to?: string;
  withSeats: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const londonDay = new WeakMap<SessionDoc, string>();

/** Docs are immutable snapshots, so a session's London start date is computed once per revision. */
const startDay = (session: SessionDoc): string => {
  let day = londonDay.get(session);
  if (!day) {
    day = londonDate(session.days[0]!.start);
    londonDay.set(session, day);
  }
  return day;
};

const isLocation = (value: string | null): value is Location => LOCATIONS.includes(value as Location);

/** Unknown or malformed values are dropped, so a hand-edited link still opens. */
export const parseFilters = (query: URLSearchParams): SessionFilters => {
  const course = query.get('course');
  const location = query.get('location');
  const from = query.get('from');
  const to = query.get('to');
  return {
    ...(course ? { course } : {}),
    ...(isLocation(location) ? { location } : {}),
    ...(from && DATE.test(from) ? { from } : {}),
    ...(to && DATE.test(to) ? { to } : {}),
    withSeats: query.get('seats') === 'available',
  };
};

const FILTER_KEYS = ['course', 'location', 'from', 'to', 'seats'] as const;

/** Writes the filters into `query`, keeping its other keys (the calendar's view and date). */
export const writeFilters = (filters: SessionFilters, query = new URLSearchParams()): URLSearchParams => {
  const next = new URLSearchParams(query);
  for (const key of FILTER_KEYS) next.delete(key);
  if (filters.course) next.set('course', filters.course);
  if (filters.location) next.set('location', filters.location);
  if (filters.from) next.set('from', filters.from);
  if (filters.to) next.set('to', filters.to);
  if (filters.withSeats) next.set('seats', 'available');
  return next;
};

export const filterSessions = (
  sessions: readonly SessionDoc[],
  filters: SessionFilters,
  seatsLeftOf: (session: SessionDoc) => number,
  now: Date,
): SessionDoc[] =>
  sessions.filter((session) => {
    if (filters.course && session.courseId !== filters.course) return false;
    if (filters.location && session.location !== filters.location) return false;
    if (filters.from || filters.to) {
      const day = startDay(session);
      if (filters.from && day < filters.from) return false;
      if (filters.to && day > filters.to) return false;
    }
    return !filters.withSeats || isBookable(session, seatsLeftOf(session), now);
  });

/** How many filters narrow the calendar, for the phone's "Filter sessions (2 on)". */
export const activeFilters = (filters: SessionFilters): number =>
  [filters.course, filters.location, filters.from, filters.to].filter(Boolean).length + (filters.withSeats ? 1 : 0);
