import { describe, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { courseDocId, SCHEDULE_DOC_ID, sessionDocId } from '../../../domain/doc-ids';
import { MAX_SEATS } from '../../../domain/seats';
import { courseDoc, sessionDoc, type CourseDoc, type SessionDoc } from '../../../domain/schemas/catalog';
import { filter, onlySyncWrites, USER_NAMES, users, vdu, view } from './harness';

const ID = '_design/catalog';
const validate = vdu(DB.catalog, ID);

const NOT_SYNC = 'Only the sync-server may change the catalog; use the API.';

const course: CourseDoc = courseDoc.parse({
  _id: courseDocId('EFAW'),
  type: 'course',
  code: 'EFAW',
  title: 'Emergency First Aid at Work',
  durationDays: 1,
  dailyStart: '09:30',
  dailyEnd: '16:30',
  pricePence: 9500,
  certificateValidityMonths: 36,
});

const session: SessionDoc = sessionDoc.parse({
  _id: sessionDocId('s1'),
  type: 'session',
  courseId: course._id,
  courseTitle: course.title,
  location: 'A',
  days: [
    { start: '2025-03-10T09:30:00.000Z', end: '2025-03-10T16:30:00.000Z' },
    { start: '2025-03-11T09:30:00.000Z', end: '2025-03-11T16:30:00.000Z' },
  ],
  capacity: MAX_SEATS,
  status: 'scheduled',
  notes: '',
  holds: [{ holdId: 'b1'.padEnd(32, '0'), seats: 4, at: '2025-01-01T10:00:00.000Z' }],
  updatedAt: '2025-01-01T10:00:00.000Z',
});

const schedule = { _id: SCHEDULE_DOC_ID, type: 'schedule', sessions: [] };
const designDoc = { _id: '_design/catalog', language: 'javascript' };

describe('catalog validate_doc_update: who may write', () => {
  const expected = onlySyncWrites(NOT_SYNC);

  for (const user of USER_NAMES) {
    it(`${user}: course, session, schedule create/update/delete and design docs`, () => {
      const ctx = users[user];
      const data = expected[user].data;
      for (const doc of [course, session, schedule]) {
        expect(validate(doc, null, ctx)).toEqual(data);
        expect(validate({ ...doc, _rev: '1-a' }, doc, ctx)).toEqual(data);
        expect(validate({ _id: doc._id, _rev: '2-b', _deleted: true }, doc, ctx)).toEqual(data);
      }
      expect(validate(designDoc, null, ctx)).toEqual(expected[user].design);
    });
  }

  it('refuses a malformed document from a non-sync user with the authority message, not a structure one', () => {
    expect(validate({ _id: 'x' }, null, users.instructor)).toEqual({ forbidden: NOT_SYNC });
  });
});

describe('catalog validate_doc_update: structure (as the sync-server)', () => {
  const check = (doc: object) => validate(doc, null, users.sync);
  const forbidden = (message: string) => ({ forbidden: message });

  it('requires a known type', () => {
    const message = forbidden('The catalog holds only course, session and schedule documents.');
    expect(check({ _id: 'thing:1' })).toEqual(message);
    expect(check({ _id: 'booking:1', type: 'booking' })).toEqual(message);
  });

  it('requires the id prefix to match the type', () => {
    expect(check({ ...course, _id: 'efaw' })).toEqual(forbidden('A course document id must start with "course:".'));
    expect(check({ ...session, _id: course._id })).toEqual(forbidden('A session document id must start with "session:".'));
    expect(check({ ...schedule, _id: 'schedule:2' })).toEqual(forbidden('The schedule document id must be "schedule".'));
  });

  it('holds capacity to 1..MAX_SEATS', () => {
    const message = forbidden('A session capacity is a whole number from 1 to 12.');
    expect(check({ ...session, capacity: 1, holds: [] })).toBe('ok');
    expect(check({ ...session, capacity: MAX_SEATS })).toBe('ok');
    for (const capacity of [0, MAX_SEATS + 1, 2.5, '12', undefined]) {
      expect(check({ ...session, capacity })).toEqual(message);
    }
  });

  it('allows locations A and B only', () => {
    expect(check({ ...session, location: 'B' })).toBe('ok');
    for (const location of ['C', 'a', '', undefined]) {
      expect(check({ ...session, location })).toEqual(forbidden('A session location must be A or B.'));
    }
  });

  it('requires a courseId and 1 to 5 days with start and end', () => {
    expect(check({ ...session, courseId: '' })).toEqual(forbidden('A session needs a courseId.'));
    const days = forbidden('A session has 1 to 5 days, each with a start and an end.');
    expect(check({ ...session, days: [] })).toEqual(days);
    expect(check({ ...session, days: undefined })).toEqual(days);
    expect(check({ ...session, days: Array.from({ length: 6 }, () => session.days[0]) })).toEqual(days);
    expect(check({ ...session, days: [{ start: '2025-03-10T09:30:00.000Z' }] })).toEqual(days);
    expect(check({ ...session, days: [null] })).toEqual(days);
  });

  it('never lets holds exceed capacity', () => {
    const hold = (key: string, seats: number) => ({ holdId: key.padEnd(32, '0'), seats, at: '2025-01-01T10:00:00.000Z' });
    expect(check({ ...session, capacity: 6, holds: [hold('b1', 4), hold('b2', 2)] })).toBe('ok');
    expect(check({ ...session, capacity: 6, holds: [hold('b1', 4), hold('b2', 3)] })).toEqual(
      forbidden('Seat holds (7) exceed the session capacity (6).'),
    );
    expect(check({ ...session, holds: [hold('b1', 4), hold('b1', 1)] })).toEqual(forbidden('A hold appears on a session only once.'));
    const shape = forbidden('Session holds must be a list of {holdId, seats, at}, the hold id 32 hex digits.');
    expect(check({ ...session, holds: [hold('b1', 0)] })).toEqual(shape);
    expect(check({ ...session, holds: [hold('b1', MAX_SEATS + 1)] })).toEqual(shape);
    expect(check({ ...session, holds: [{ seats: 1 }] })).toEqual(shape);
    expect(check({ ...session, holds: {} })).toEqual(shape);
    expect(check({ ...session, holds: undefined })).toBe('ok');
  });

  it('keeps booking ids out of the public ledger: a hold is an opaque id, seats and a time, nothing more', () => {
    const shape = forbidden('Session holds must be a list of {holdId, seats, at}, the hold id 32 hex digits.');
    const at = '2025-01-01T10:00:00.000Z';
    expect(check({ ...session, holds: [{ bookingId: 'booking:b1', seats: 1, at }] })).toEqual(shape);
    expect(check({ ...session, holds: [{ holdId: 'b1'.padEnd(32, '0'), bookingId: 'booking:b1', seats: 1, at }] })).toEqual(shape);
    expect(check({ ...session, holds: [{ holdId: 'booking:b1', seats: 1, at }] })).toEqual(shape);
    expect(check({ ...session, holds: [{ holdId: '__proto__', seats: 1, at }] })).toEqual(shape);
    expect(check({ ...session, holds: [{ holdId: 'b1'.padEnd(32, '0'), seats: 1 }] })).toEqual(shape);
  });

  it('applies the structure checks to server admins too', () => {
    expect(validate({ ...session, location: 'C' }, null, users.admin)).toEqual(forbidden('A session location must be A or B.'));
  });
});

describe('catalog filters', () => {
  const byCourse = filter(DB.catalog, ID, 'by_course');
  const window = filter(DB.catalog, ID, 'window');
  const otherSession = { ...session, _id: sessionDocId('s2'), courseId: courseDocId('FAW') };
  const deleted = { _id: session._id, _rev: '3-c', _deleted: true };

  it('by_course passes the course, its sessions and every deletion', () => {
    const query = { courseId: course._id };
    expect(byCourse(course, query)).toBe(true);
    expect(byCourse({ ...course, _id: courseDocId('FAW') }, query)).toBe(false);
    expect(byCourse(session, query)).toBe(true);
    expect(byCourse(otherSession, query)).toBe(false);
    expect(byCourse(schedule, query)).toBe(false);
    expect(byCourse(deleted, query)).toBe(true);
    expect(byCourse(session, {})).toBe(false);
  });

  it('window passes courses always, sessions with a day overlapping [from, to), never the schedule', () => {
    const inside = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };
    expect(window(course, inside)).toBe(true);
    expect(window(course, { from: '2030-01-01', to: '2030-02-01' })).toBe(true);
    expect(window(schedule, inside)).toBe(false);
    expect(window(schedule, {})).toBe(false);
    expect(window(session, inside)).toBe(true);
    expect(window(deleted, inside)).toBe(true);
    // The second day alone overlaps.
    expect(window(session, { from: '2025-03-11T00:00:00Z', to: '2025-03-12T00:00:00Z' })).toBe(true);
    // `to` is exclusive: a window ending when the session starts misses it.
    expect(window(session, { from: '2025-03-01T00:00:00Z', to: '2025-03-10T09:30:00.000Z' })).toBe(false);
    // A window starting when the last day ends misses it.
    expect(window(session, { from: '2025-03-11T16:30:00.000Z', to: '2025-04-01T00:00:00Z' })).toBe(false);
    // Instants are compared as times, not strings: 10:00+01:00 is 09:00Z, before the 09:30Z start.
    expect(window(session, { from: '2025-03-01T00:00:00Z', to: '2025-03-10T10:00:00+01:00' })).toBe(false);
    expect(window(session, { from: '2025-03-10' })).toBe(true);
    expect(window(session, { to: '2025-03-10' })).toBe(false);
    expect(window(session, {})).toBe(true);
  });
});

describe('catalog views', () => {
  const byStart = view(DB.catalog, ID, 'sessions_by_start');
  const byCourse = view(DB.catalog, ID, 'sessions_by_course');

  it('sessions_by_start keys sessions by [first day start, id]', () => {
    expect(byStart(session)).toEqual([[['2025-03-10T09:30:00.000Z', session._id], null]]);
    expect(byStart(course)).toEqual([]);
    expect(byStart(schedule)).toEqual([]);
    expect(byStart({ ...session, days: [] })).toEqual([]);
  });

  it('sessions_by_course keys sessions by [courseId, start, id]', () => {
    expect(byCourse(session)).toEqual([[[course._id, '2025-03-10T09:30:00.000Z', session._id], null]]);
    expect(byCourse(course)).toEqual([]);
  });

  it('courses_by_title keys courses by [title, id]', () => {
    const byTitle = view(DB.catalog, ID, 'courses_by_title');
    expect(byTitle(course)).toEqual([[[course.title, course._id], null]]);
    expect(byTitle(session)).toEqual([]);
  });
});
