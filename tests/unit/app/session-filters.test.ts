import { describe, expect, it } from 'vitest';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import { filterSessions, parseFilters, writeFilters } from '../../../app/src/features/sessions/filters/session-filters';

const session = (id: string, fields: Partial<SessionDoc> = {}): SessionDoc => ({
  _id: `session:${id}`,
  type: 'session',
  courseId: 'course:efaw',
  courseTitle: 'Emergency First Aid at Work',
  location: 'A',
  days: [{ start: '2031-06-03T08:00:00.000Z', end: '2031-06-03T15:30:00.000Z' }],
  capacity: 12,
  status: 'scheduled',
  notes: '',
  holds: [],
  updatedAt: '2031-01-01T00:00:00.000Z',
  ...fields,
});

describe('filter state in the URL', () => {
  it('round-trips every filter and keeps the calendar keys', () => {
    const filters = { course: 'course:faw', location: 'B' as const, from: '2031-06-01', to: '2031-06-30', withSeats: true };
    const query = writeFilters(filters, new URLSearchParams('view=agenda&location=A'));
    expect(query.toString()).toBe('view=agenda&course=course%3Afaw&location=B&from=2031-06-01&to=2031-06-30&seats=available');
    expect(parseFilters(query)).toEqual(filters);
  });

  it('drops malformed values so a hand-edited link still opens', () => {
    expect(parseFilters(new URLSearchParams('location=C&from=June&to=2031-13&seats=yes'))).toEqual({ withSeats: false });
  });

  it('writes nothing for no filters', () => {
    expect(writeFilters({ withSeats: false }).toString()).toBe('');
  });
});

describe('filterSessions', () => {
  const sessions = [
    session('a'),
    session('b', { location: 'B' }),
    session('full', { location: 'B', capacity: 1, holds: [{ holdId: 'a'.repeat(32), seats: 1, at: '2031-01-01T00:00:00.000Z' }] }),
    session('cancelled', { location: 'B', status: 'cancelled' }),
    session('other', { location: 'B', courseId: 'course:faw' }),
    session('late-may', { days: [{ start: '2031-05-31T23:30:00.000Z', end: '2031-06-01T06:00:00.000Z' }] }),
  ];
  const seats = (s: SessionDoc) => s.capacity - s.holds.reduce((n, h) => n + h.seats, 0);
  const ids = (found: SessionDoc[]) => found.map((s) => s._id.slice('session:'.length));
  const now = new Date('2031-05-01T12:00:00Z');

  it('combines course, location and only-with-seats', () => {
    expect(ids(filterSessions(sessions, { course: 'course:efaw', location: 'B', withSeats: true }, seats, now))).toEqual(['b']);
  });

  it('compares dates in London: 23:30 UTC on 31 May in summer is 1 June', () => {
    expect(ids(filterSessions(sessions, { from: '2031-06-01', to: '2031-06-01', withSeats: false }, seats, now))).toEqual(['late-may']);
    expect(ids(filterSessions(sessions, { to: '2031-05-31', withSeats: false }, seats, now))).toEqual([]);
  });

  it('leaves out a session that has started when only sessions with seats are wanted', () => {
    expect(ids(filterSessions(sessions, { location: 'A', withSeats: true }, seats, new Date('2031-06-03T08:00:00.000Z')))).toEqual([]);
    expect(ids(filterSessions(sessions, { location: 'A', withSeats: false }, seats, new Date('2031-06-03T08:00:00.000Z')))).toEqual(['a', 'late-may']);
  });

  it('uses the seat count it is given (the optimistic one)', () => {
    expect(ids(filterSessions(sessions, { location: 'A', withSeats: true }, () => 0, now))).toEqual([]);
  });
});
