import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createUser } from '../../../sync-server/accounts/users';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { as, instructorApp, logIn, signUp, uniqueEmail } from '../../helpers/build-app';
import { insertSessionWithBookings } from '../../helpers/roster-fixtures';
import { INSTRUCTOR } from '../../helpers/test-couch';

const { app, instructor } = await instructorApp();
let customer: { email: string; cookie: string };
let service: string;
let fixture: Awaited<ReturnType<typeof insertSessionWithBookings>>;
let other: Awaited<ReturnType<typeof insertSessionWithBookings>>;

const start = new Date(Date.now() + 3 * 24 * 3600_000);
const url = (path: string) => `/api/courses/sessions/${encodeURIComponent(fixture.session._id)}${path}`;

beforeAll(async () => {
  const couch = inject('couch');
  customer = await signUp(app);
  const serviceName = uniqueEmail('service');
  await createUser(couchAs(couch.url, couch.admin), { name: serviceName, password: 'service-secret-1', roles: ['service'], fullName: 'Reports' });
  service = await logIn(app, serviceName, 'service-secret-1');
  fixture = await insertSessionWithBookings(couch, {
    title: `Attendance API ${Date.now()}`,
    start,
    bookings: [
      { owner: customer.email, attendees: [{ name: 'Ada, "The Countess" Lovelace' }, { name: 'Line\nBreak', email: 'lb@example.com' }] },
      { owner: uniqueEmail('employer'), attendees: [{ name: 'Grace Hopper' }], contact: { name: 'Navy HR', email: 'hr@navy.example' } },
    ],
  });
  other = await insertSessionWithBookings(couch, { title: `Other session ${Date.now()}`, start, bookings: [{ owner: customer.email, attendees: [{ name: 'Elsewhere' }] }] });
});

const post = (cookie: string, path: string, payload: object) => app.inject(as(cookie, { method: 'POST', url: url(path), payload }));
const get = (cookie: string, path: string) => app.inject(as(cookie, { method: 'GET', url: url(path) }));

describe('attendance API: who may use it', () => {
  it('answers 401 to anonymous callers and 403 to customers and the service role, on every route', async () => {
    const routes = [
      ['GET', '/attendance'],
      ['POST', '/attendance'],
      ['POST', '/assessments'],
      ['POST', '/certificates'],
      ['GET', '/register.csv'],
    ] as const;
    for (const [method, path] of routes) {
      expect((await app.inject({ method, url: url(path), ...(method === 'POST' ? { payload: {} } : {}) })).statusCode, path).toBe(401);
      for (const cookie of [customer.cookie, service]) {
        const response = await app.inject(as(cookie, { method, url: url(path), ...(method === 'POST' ? { payload: {} } : {}) }));
        expect(response.statusCode, path).toBe(403);
        expect(response.json()).toMatchObject({ error: 'forbidden' });
      }
    }
    expect((await app.inject(as(customer.cookie, { method: 'GET', url: '/api/certificates/expiring' }))).statusCode).toBe(403);
  });

  it('keeps the attendance database from customers and the service role', async () => {
    for (const cookie of [customer.cookie, service]) {
      expect((await app.inject(as(cookie, { method: 'GET', url: `/db/${DB.attendance}/_all_docs` }))).statusCode).toBe(403);
      expect((await app.inject(as(cookie, { method: 'GET', url: `/db/${DB.attendance}/_changes?filter=attendance/roster` }))).statusCode).toBe(403);
    }
  });
});

describe('POST and GET /api/courses/sessions/:id/attendance', () => {
  it('writes marks as the instructor and reads them back per attendee and day', async () => {
    const [first, second] = fixture.bookings;
    const response = await post(instructor, '/attendance', {
      records: [
        { bookingId: first!._id, attendee: 0, day: 0, status: 'present' },
        { bookingId: first!._id, attendee: 1, day: 0, status: 'late', notes: 'Bus, then walked' },
        { bookingId: second!._id, attendee: 0, day: 1, status: 'absent' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().attendance).toHaveLength(3);
    expect(response.json().attendance[0]).toMatchObject({ status: 'present', markedBy: INSTRUCTOR.email, day: 0, attendee: 0, history: [] });

    const read = await get(instructor, '/attendance');
    expect(read.statusCode).toBe(200);
    const body = read.json();
    expect(body.attendance).toHaveLength(3);
    expect(body.attendees.map((row: { name: string }) => row.name)).toEqual(['Ada, "The Countess" Lovelace', 'Line\nBreak', 'Grace Hopper']);
    expect(body.attendees[1].days[0]).toMatchObject({ status: 'late', notes: 'Bus, then walked' });
    expect(body.attendees[1].days[1]).toBeNull();
    expect(body.attendees[2]).toMatchObject({ eligible: false, reasons: ['day 1 not marked', 'absent on day 2', 'no assessment recorded'] });
  });

  it('keeps the overwritten mark in history', async () => {
    const bookingId = fixture.bookings[1]!._id;
    const response = await post(instructor, '/attendance', { records: [{ bookingId, attendee: 0, day: 1, status: 'late', notes: 'Arrived 09:40' }] });
    const [mark] = response.json().attendance;
    expect(mark).toMatchObject({ status: 'late', notes: 'Arrived 09:40' });
    expect(mark.history).toEqual([expect.objectContaining({ status: 'absent', markedBy: INSTRUCTOR.email })]);
  });

  it('answers 400 naming an unknown booking, attendee or day, or a booking of another session; writes nothing', async () => {
    const bookingId = fixture.bookings[0]!._id;
    const cases = [
      [{ bookingId: 'booking:nope', attendee: 0, day: 0 }, 'unknown_booking', 'booking:nope'],
      [{ bookingId, attendee: 2, day: 0 }, 'unknown_attendee', 'no attendee 2'],
      [{ bookingId, attendee: 0, day: 2 }, 'unknown_day', 'no day 2'],
      [{ bookingId: other.bookings[0]!._id, attendee: 0, day: 0 }, 'booking_of_other_session', other.bookings[0]!._id],
    ] as const;
    for (const [record, code, named] of cases) {
      const response = await post(instructor, '/attendance', { records: [{ bookingId, attendee: 0, day: 1, status: 'present' }, { ...record, status: 'present' }] });
      expect(response.statusCode, code).toBe(400);
      expect(response.json()).toMatchObject({ error: code, field: expect.stringMatching(/^records\.1\./) });
      expect(response.json().message).toContain(named);
    }
    const read = (await get(instructor, '/attendance')).json();
    expect(read.attendees[0].days[1]).toBeNull();
  });

  it('answers 400 for a malformed body and 404 for an unknown session', async () => {
    const bookingId = fixture.bookings[0]!._id;
    const bad = await post(instructor, '/attendance', { records: [{ bookingId, attendee: -1, day: 0, status: 'asleep' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_request' });
    expect(bad.json().message).toContain('records.0.attendee');
    expect(bad.json().message).toContain('records.0.status');
    expect((await post(instructor, '/attendance', { records: [] })).statusCode).toBe(400);
    const missing = await app.inject(as(instructor, { method: 'GET', url: '/api/courses/sessions/session:none/attendance' }));
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
  });
});
