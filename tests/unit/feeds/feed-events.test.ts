import { describe, expect, it } from 'vitest';
import { bookingEvent, catalogEvent } from '../../../sync-server/feeds/feed-events';

const session = (rev: string, overrides: Record<string, unknown> = {}) => ({
  id: 'session:s1',
  seq: 5,
  changes: [{ rev }],
  doc: {
    _id: 'session:s1',
    _rev: rev,
    type: 'session',
    courseId: 'course:efaw',
    courseTitle: 'EFAW',
    location: 'B',
    days: [{ start: '2027-05-01T08:00:00.000Z', end: '2027-05-01T15:30:00.000Z' }],
    capacity: 8,
    status: 'scheduled',
    holds: [{ holdId: 'b'.repeat(32), seats: 3, at: '2027-04-01T10:00:00.000Z' }],
    updatedAt: '2027-04-01T10:00:00.000Z',
    ...overrides,
  },
});

describe('seed events from document changes', () => {
  it('names a session change by its revision and status', () => {
    expect(catalogEvent(session('1-a'))).toMatchObject({ name: 'session-created', data: { sessionId: 'session:s1', seatsLeft: 5, capacity: 8 } });
    expect(catalogEvent(session('2-b'))?.name).toBe('session-update');
    expect(catalogEvent(session('3-c', { status: 'cancelled' }))?.name).toBe('session-cancelled');
    expect(catalogEvent({ id: 'session:s1', seq: 6, deleted: true, changes: [{ rev: '4-d' }] })).toEqual({ name: 'session-cancelled', data: { sessionId: 'session:s1', deleted: true } });
  });

  it('ignores courses and the schedule document', () => {
    expect(catalogEvent({ id: 'course:efaw', seq: 1, changes: [{ rev: '1-a' }], doc: { _id: 'course:efaw', type: 'course' } })).toBeNull();
    expect(catalogEvent({ id: 'schedule', seq: 2, changes: [{ rev: '9-a' }], doc: { _id: 'schedule', type: 'schedule' } })).toBeNull();
  });

  it('announces only confirmed bookings, without attendee names', () => {
    const booking = (status: string) => ({
      id: 'booking:b1',
      seq: 9,
      changes: [{ rev: '2-x' }],
      doc: { _id: 'booking:b1', _rev: '2-x', type: 'booking', status, sessionId: 'session:s1', courseId: 'course:efaw', seats: 2, attendees: [{ name: 'A' }, { name: 'B' }], contact: { name: 'C', email: 'c@example.com' }, owner: 'c@example.com', sessionStart: '2027-05-01T08:00:00.000Z', createdAt: '2027-04-01T10:00:00.000Z', confirmedAt: '2027-04-01T10:00:01.000Z' },
    });
    const event = bookingEvent(booking('confirmed'));
    expect(event).toMatchObject({ name: 'booking-confirmed', data: { bookingId: 'booking:b1', seats: 2, contact: { email: 'c@example.com' } } });
    expect(event!.data).not.toHaveProperty('attendees');
    expect(bookingEvent(booking('pending'))).toBeNull();
    expect(bookingEvent(booking('cancelled'))).toBeNull();
  });
});
