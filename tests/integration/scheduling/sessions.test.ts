import { beforeAll, describe, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { newHoldId, sessionDocId } from '../../../domain/doc-ids';
import { londonToUtc } from '../../../domain/london-time';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import { as, instructorApp, signUp } from '../../helpers/build-app';
import { createTestCourse, privateWindow } from '../../helpers/schedule-window';

const { app, instructor } = await instructorApp();
let customer: string;
let oneDay: string;
let threeDay: string;
const w = privateWindow(2031, 2049);

beforeAll(async () => {
  customer = (await signUp(app)).cookie;
  oneDay = await createTestCourse(app, instructor, { title: 'Emergency First Aid at Work' });
  threeDay = await createTestCourse(app, instructor, { title: 'First Aid at Work', durationDays: 3 });
});

const post = (payload: object, cookie = instructor) => app.inject(as(cookie, { method: 'POST', url: '/api/courses/sessions', payload }));
const put = (id: string, payload: object, cookie = instructor) => app.inject(as(cookie, { method: 'PUT', url: `/api/courses/sessions/${id}`, payload }));
const del = (id: string, cookie = instructor) => app.inject(as(cookie, { method: 'DELETE', url: `/api/courses/sessions/${id}` }));
const oneDaySession = (day: number, from = '09:00', to = '16:30', location = 'A') =>
  ({ courseId: oneDay, location, start: w.at(day, from), end: w.at(day, to) });

async function created(payload: object) {
  const response = await post(payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().sessions as { id: string; start: string; end: string }[];
}

describe('POST /api/courses/sessions', () => {
  it('creates one session from start+end in London time (201) with its public shape', async () => {
    const [session] = await created({ ...oneDaySession(0), capacity: 8, notes: 'Bring lunch' });
    expect(session).toEqual({
      id: expect.stringMatching(/^session:/),
      courseId: oneDay,
      courseTitle: 'Emergency First Aid at Work',
      location: 'A',
      days: [{ start: londonToUtc(w.at(0, '09:00')), end: londonToUtc(w.at(0, '16:30')) }],
      start: londonToUtc(w.at(0, '09:00')),
      end: londonToUtc(w.at(0, '16:30')),
      capacity: 8,
      seatsBooked: 0,
      seatsLeft: 8,
      status: 'scheduled',
      seriesId: null,
      notes: 'Bring lunch',
    });
  });

  it('creates a multi-day session with one range per course day, and wants exactly that many', async () => {
    const days = [1, 2, 3].map((d) => ({ start: w.at(d, '09:00'), end: w.at(d, '16:30') }));
    const [session] = await created({ courseId: threeDay, location: 'B', days });
    expect((session as unknown as { days: unknown[] }).days).toHaveLength(3);
    const short = await post({ courseId: threeDay, location: 'B', days: days.slice(0, 2) });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields[0].field).toBe('days');
  });

  it('creates a weekly series whole, sharing a series id', async () => {
    const sessions = await created({ ...oneDaySession(7 * 2), recurrence: { frequency: 'weekly', count: 4 } });
    expect(sessions).toHaveLength(4);
    expect(new Set(sessions.map((s) => (s as unknown as { seriesId: string }).seriesId)).size).toBe(1);
  });

  it('refuses a series that clashes on its 5th occurrence, creates nothing, and names that occurrence', async () => {
    const [busy] = await created(oneDaySession(7 * 10 + 4 * 7, '15:00', '17:00', 'B'));
    const response = await post({ ...oneDaySession(7 * 10, '09:00', '15:30', 'A'), recurrence: { frequency: 'weekly', count: 6 } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: 'schedule_conflict',
      conflicts: [{ sessionId: busy!.id, courseTitle: 'Emergency First Aid at Work', location: 'B', start: busy!.start, end: busy!.end, occurrence: 5 }],
    });
    const listed = await app.inject({ method: 'GET', url: `/api/courses/sessions?courseId=${oneDay}&from=${w.date(70)}&to=${w.date(120)}` });
    expect(listed.json().sessions.map((s: { id: string }) => s.id)).toEqual([busy!.id]);
  });

  it('lists every clashing occurrence of a series', async () => {
    const [second] = await created(oneDaySession(7 * 20 + 1, '12:00', '13:00'));
    const [last] = await created(oneDaySession(7 * 20 + 15, '12:00', '13:00'));
    const daily = await post({ ...oneDaySession(7 * 20), recurrence: { frequency: 'daily', count: 16 } });
    expect(daily.statusCode).toBe(409);
    expect(daily.json().conflicts.map((c: { occurrence: number; sessionId: string }) => [c.occurrence, c.sessionId])).toEqual([
      [2, second!.id],
      [16, last!.id],
    ]);
  });

  it('allows back-to-back at one venue and demands the travel buffer between venues', async () => {
    await created(oneDaySession(7 * 30, '09:00', '12:00', 'A'));
    await created(oneDaySession(7 * 30, '12:00', '13:00', 'A'));
    const tooSoon = await post(oneDaySession(7 * 30, '13:30', '16:00', 'B'));
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().conflicts[0].location).toBe('A');
    await created(oneDaySession(7 * 30, '14:00', '16:00', 'B'));
  });

  it('answers 400 for 13 seats, location C, end before start and days out of order', async () => {
    for (const [payload, field] of [
      [{ ...oneDaySession(7 * 31), capacity: 13 }, 'capacity'],
      [{ ...oneDaySession(7 * 31), capacity: 0 }, 'capacity'],
      [{ ...oneDaySession(7 * 31), location: 'C' }, 'location'],
      [{ ...oneDaySession(7 * 31), end: w.at(7 * 31, '08:00') }, 'end'],
      [{ courseId: threeDay, location: 'A', days: [3, 2, 4].map((d) => ({ start: w.at(d, '09:00'), end: w.at(d, '16:30') })) }, 'days.1.start'],
    ] as const) {
      const response = await post(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid_request', fields: [{ field }] });
    }
  });

  it('answers 404 for an unknown course and 400 for a session in the past', async () => {
    expect((await post({ ...oneDaySession(7 * 31), courseId: 'course:none' })).json().error).toBe('course_not_found');
    const past = await post({ courseId: oneDay, location: 'A', start: '2020-01-06T09:00', end: '2020-01-06T12:00' });
    expect(past.statusCode).toBe(400);
  });
});

describe('GET /api/courses/sessions and /api/calendar/availability', () => {
  it('filters by window, course, location and availability', async () => {
    const [a] = await created(oneDaySession(7 * 40, '09:00', '12:00', 'A'));
    const [b] = await created({ ...oneDaySession(7 * 40 + 1, '09:00', '12:00', 'B'), capacity: 1 });
    await addHold(b!.id, 1);
    const list = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/api/courses/sessions?courseId=${oneDay}&from=${w.date(7 * 40)}&to=${w.date(7 * 40 + 2)}${query}` })).json().sessions.map((s: { id: string }) => s.id);
    expect(await list('')).toEqual([a!.id, b!.id]);
    expect(await list('&location=B')).toEqual([b!.id]);
    expect(await list('&available=true')).toEqual([a!.id]);
    const full = (await app.inject({ method: 'GET', url: `/api/courses/sessions/${b!.id}` })).json().session;
    expect(full).toMatchObject({ seatsBooked: 1, seatsLeft: 0 });
    const availability = await app.inject({ method: 'GET', url: `/api/calendar/availability?from=${w.date(7 * 40)}&to=${w.date(7 * 40 + 2)}` });
    expect(availability.statusCode).toBe(200);
    expect(availability.json().sessions).toEqual([
      { id: a!.id, courseId: oneDay, courseTitle: 'Emergency First Aid at Work', location: 'A', days: expect.any(Array), start: a!.start, end: a!.end, capacity: 12, seatsLeft: 12 },
    ]);
  });

  it('answers 400 for a bad filter and 404 for an unknown session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/courses/sessions?location=C' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/calendar/availability?from=soon' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/courses/sessions/session:none' })).statusCode).toBe(404);
  });
});

async function addHold(sessionId: string, seats: number): Promise<void> {
  const db = app.couch.sync.use<SessionDoc>(DB.catalog);
  const doc = await db.get(sessionId);
  await db.insert({ ...doc, holds: [...doc.holds, { holdId: newHoldId(), seats, at: new Date().toISOString() }] });
}

describe('PUT /api/courses/sessions/:id', () => {
  it('moves a session, changes its capacity and notes, and keeps its holds', async () => {
    const [session] = await created(oneDaySession(7 * 45));
    await addHold(session!.id, 3);
    const response = await put(session!.id, { start: w.at(7 * 45 + 1, '10:00'), end: w.at(7 * 45 + 1, '15:00'), location: 'B', capacity: 5, notes: 'Moved' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().session).toMatchObject({ start: londonToUtc(w.at(7 * 45 + 1, '10:00')), location: 'B', capacity: 5, notes: 'Moved', seatsBooked: 3, seatsLeft: 2 });
    const old = await post(oneDaySession(7 * 45));
    expect(old.statusCode).toBe(201);
  });

  it('refuses a move into a clash (409 schedule_conflict) and leaves the session where it was', async () => {
    const [first] = await created(oneDaySession(7 * 46));
    const [second] = await created(oneDaySession(7 * 46 + 1));
    const response = await put(second!.id, { start: w.at(7 * 46, '12:00'), end: w.at(7 * 46, '17:00') });
    expect(response.statusCode).toBe(409);
    expect(response.json().conflicts).toEqual([expect.objectContaining({ sessionId: first!.id, occurrence: 1 })]);
    expect((await app.inject({ method: 'GET', url: `/api/courses/sessions/${second!.id}` })).json().session.start).toBe(second!.start);
  });

  it('refuses a capacity below the seats booked (409 capacity_below_booked), and undoes a capacity cut when the move is refused', async () => {
    const [blocker] = await created(oneDaySession(7 * 47));
    const [session] = await created(oneDaySession(7 * 47 + 1));
    await addHold(session!.id, 4);
    const below = await put(session!.id, { capacity: 3 });
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({ error: 'capacity_below_booked', seatsBooked: 4 });
    const clash = await put(session!.id, { capacity: 6, start: blocker!.start, end: blocker!.end });
    expect(clash.statusCode).toBe(409);
    expect((await app.inject({ method: 'GET', url: `/api/courses/sessions/${session!.id}` })).json().session.capacity).toBe(12);
    expect((await put(session!.id, { capacity: 4 })).statusCode).toBe(200);
  });

  it('refuses to edit a cancelled session or a past one (409), and 400s for 13 seats or location C', async () => {
    const [session] = await created(oneDaySession(7 * 48));
    expect((await put(session!.id, { capacity: 13 })).statusCode).toBe(400);
    expect((await put(session!.id, { location: 'C' })).statusCode).toBe(400);
    await del(session!.id);
    expect((await put(session!.id, { notes: 'x' })).json().error).toBe('session_cancelled');
    const past = await insertPastSession();
    expect((await put(past, { notes: 'x' })).json()).toMatchObject({ error: 'session_past' });
    expect((await del(past)).statusCode).toBe(409);
  });
});

async function insertPastSession(): Promise<string> {
  const id = sessionDocId();
  const doc: SessionDoc = {
    _id: id, type: 'session', courseId: oneDay, courseTitle: 'Emergency First Aid at Work', location: 'A',
    days: [{ start: '2021-03-01T09:00:00.000Z', end: '2021-03-01T16:30:00.000Z' }],
    capacity: 12, status: 'scheduled', notes: '', holds: [], updatedAt: new Date().toISOString(),
  };
  await app.couch.sync.use<SessionDoc>(DB.catalog).insert(doc);
  return id;
}

describe('DELETE /api/courses/sessions/:id', () => {
  it('says in advance what it will cancel, cancels the bookings, frees the slot and keeps the document', async () => {
    const [session] = await created(oneDaySession(7 * 50));
    const booked = await app.inject(as(customer, { method: 'POST', url: '/api/bookings', payload: { sessionId: session!.id, attendees: [{ name: 'Ann' }, { name: 'Bob' }] } }));
    expect(booked.statusCode, booked.body).toBe(201);
    const impact = await app.inject(as(instructor, { method: 'GET', url: `/api/courses/sessions/${session!.id}/cancellation` }));
    expect(impact.json()).toEqual({ bookings: 1, attendees: 2 });
    const cancelled = await del(session!.id);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ session: { id: session!.id, status: 'cancelled', seatsBooked: 0, seatsLeft: 0 }, cancelled: { bookings: 1, attendees: 2 } });
    const booking = await app.inject(as(customer, { method: 'GET', url: `/api/bookings/${booked.json().booking.id}` }));
    expect(booking.json().booking.status).toBe('cancelled');
    expect((await app.inject({ method: 'GET', url: `/api/courses/sessions/${session!.id}` })).json().session.status).toBe('cancelled');
    expect((await post(oneDaySession(7 * 50))).statusCode).toBe(201);
    expect((await del(session!.id)).json()).toMatchObject({ session: { status: 'cancelled' }, cancelled: { bookings: 0, attendees: 0 } });
  });

  it('answers 404 for an unknown session', async () => {
    expect((await del('session:none')).statusCode).toBe(404);
  });
});

describe('who may schedule', () => {
  const routes = (id: string) => [
    { method: 'POST' as const, url: '/api/courses/sessions', payload: oneDaySession(7 * 49) },
    { method: 'PUT' as const, url: `/api/courses/sessions/${id}`, payload: { notes: 'x' } },
    { method: 'DELETE' as const, url: `/api/courses/sessions/${id}` },
    { method: 'GET' as const, url: `/api/courses/sessions/${id}/cancellation` },
    { method: 'POST' as const, url: '/api/courses', payload: { code: 'X1' } },
    { method: 'PUT' as const, url: `/api/courses/${oneDay}`, payload: { title: 'Taken over' } },
  ];

  it('gives a customer 403 and an anonymous caller 401 on every instructor route', async () => {
    const [session] = await created(oneDaySession(7 * 49));
    for (const route of routes(session!.id)) {
      const asCustomer = await app.inject(as(customer, route));
      expect(asCustomer.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(asCustomer.json().error).toBe('forbidden');
      const anonymous = await app.inject(route);
      expect(anonymous.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
    expect((await app.inject({ method: 'GET', url: `/api/courses/sessions/${session!.id}` })).json().session.notes).toBe('');
  });
});
