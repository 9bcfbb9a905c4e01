import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BookingDoc } from '../../../domain/schemas/booking';
import { SCHEDULE_HORIZON_YEARS } from '../../../domain/schemas/scheduling';
import { as, logIn, signUp, type TestApp } from '../../helpers/build-app';
import { bookingsOfSession, insertSession, readSession } from '../../helpers/bookings';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';
import { listenTestApp } from '../../helpers/listen';
import { createTestCourse } from '../../helpers/schedule-window';
import { INSTRUCTOR } from '../../helpers/test-couch';

const couch = inject('couch');
let app: TestApp;
let baseUrl: string;
let instructor: string;
let customer: string;
let courseId: string;

beforeAll(async () => {
  // The production horizon, not the test default: this file checks it.
  ({ app, baseUrl } = await listenTestApp({ scheduleHorizonYears: SCHEDULE_HORIZON_YEARS }));
  instructor = await logIn(app, INSTRUCTOR.email, INSTRUCTOR.password);
  customer = (await signUp(app)).cookie;
  courseId = await createTestCourse(app, instructor);
});
afterAll(() => app.close());

type Answer = { statusCode: number; json(): Record<string, unknown> };
const expectRefusal = (response: Answer, status: number, error: string) => {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
  const body = response.json();
  expect(body.error).toBe(error);
  expect(String(body.message)).toMatch(/^[A-Z"].*\.$/);
};
const postSession = (payload: object) => app.inject(as(instructor, { method: 'POST', url: '/api/courses/sessions', payload }));
const londonDay = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

describe('scheduling input', () => {
  it('days: [] is a 400 naming days, not a 500', async () => {
    const response = await postSession({ courseId, location: 'A', days: [] });
    expectRefusal(response, 400, 'invalid_request');
    expect(response.json().fields).toEqual([{ field: 'days', message: 'A session has at least one day.' }]);
  });

  it('a session in year 9999, or a series running past the horizon, is refused and nothing is stored', async () => {
    const far = await postSession({ courseId, location: 'A', start: '9999-06-01T09:00', end: '9999-06-01T16:30' });
    expectRefusal(far, 400, 'invalid_request');
    expect(far.json().fields).toEqual([{ field: 'days', message: `Sessions can be scheduled at most ${SCHEDULE_HORIZON_YEARS} years ahead.` }]);

    const nearEnd = londonDay(365 * SCHEDULE_HORIZON_YEARS - 40);
    const series = await postSession({ courseId, location: 'B', start: `${nearEnd}T09:00`, end: `${nearEnd}T16:30`, recurrence: { frequency: 'weekly', count: 10 } });
    expectRefusal(series, 400, 'invalid_request');
    const window = `from=${londonDay(0)}&to=${londonDay(365 * (SCHEDULE_HORIZON_YEARS + 1))}`;
    const listed = await app.inject({ method: 'GET', url: `/api/courses/sessions?courseId=${encodeURIComponent(courseId)}&${window}` });
    expect(listed.json().sessions).toEqual([]);
  });

  it('refuses control characters and invisible-only text in course titles and session notes', async () => {
    const course = { code: 'BADTITLE1', durationDays: 1, dailyStart: '09:00', dailyEnd: '16:30', pricePence: 100, certificateValidityMonths: 0 };
    for (const title of ['EFAW\rDTSTART:19990101T000000', 'Bell\u0007 course', '\u200B\u200B\u200B\u200B']) {
      const response = await app.inject(as(instructor, { method: 'POST', url: '/api/courses', payload: { ...course, title } }));
      expectRefusal(response, 400, 'invalid_request');
      expect(response.json().fields).toEqual([{ field: 'title', message: expect.stringMatching(/^The title (must not contain control characters|has no readable characters)/) }]);
    }
    const day = londonDay(30);
    const notes = await postSession({ courseId, location: 'A', start: `${day}T09:00`, end: `${day}T16:30`, notes: '\u0000\u200B' });
    expectRefusal(notes, 400, 'invalid_request');
    expect(notes.json().fields).toEqual([{ field: 'notes', message: 'Notes must not contain control characters.' }]);
  });
});

describe('people and booking input', () => {
  it('refuses sign-up and attendee names made of control or zero-width characters, and strips invisible ones from real names', async () => {
    const signup = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: `zw-${Date.now()}@test.example`, password: 'long-enough-password', name: '\u200B\u200D' } });
    expectRefusal(signup, 400, 'invalid_request');
    expect(signup.json().fields).toEqual([{ field: 'name', message: 'Your name has no readable characters.' }]);

    const session = await insertSession(app.couch);
    const book = (names: string[]) =>
      app.inject(as(customer, { method: 'POST', url: '/api/bookings', payload: { sessionId: session._id, attendees: names.map((name) => ({ name })) } }));
    for (const names of [['\u0007'], ['Pat', '\u200B'], ['Pat\u202Ehtims']]) expectRefusal(await book(names), 400, 'invalid_request');
    expect((await readSession(app.couch, session._id)).holds).toEqual([]);

    const ok = await book(['Pat\u200B Smith']);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().booking.attendees).toEqual([{ name: 'Pat Smith' }]);
  });

  it('an Idempotency-Key reused with a different body is 422 idempotency_key_reused, not the earlier booking', async () => {
    const session = await insertSession(app.couch);
    const send = (names: string[], sessionId = session._id) =>
      app.inject(as(customer, { method: 'POST', url: '/api/bookings', headers: { 'idempotency-key': 'reuse-check-1' }, payload: { sessionId, attendees: names.map((name) => ({ name })) } }));
    const first = await send(['Alex Example', 'Sam Example']);
    expect(first.statusCode).toBe(201);
    expect((await send(['Alex Example', 'Sam Example'])).json().booking.id).toBe(first.json().booking.id);

    expectRefusal(await send(['Someone Else', 'Sam Example']), 422, 'idempotency_key_reused');
    expectRefusal(await send(['Sam Example', 'Alex Example']), 422, 'idempotency_key_reused');
    expectRefusal(await send(['Alex Example']), 422, 'idempotency_key_reused');
    expectRefusal(await send(['Alex Example', 'Sam Example'], (await insertSession(app.couch))._id), 422, 'idempotency_key_reused');
    const stored: BookingDoc[] = await bookingsOfSession(app.couch, session._id);
    expect(stored.map((booking) => booking.attendees)).toEqual([[{ name: 'Alex Example' }, { name: 'Sam Example' }]]);
  });

  it('a body declared in another charset than UTF-8 is 415 unsupported_charset; UTF-8, declared or not, is read', async () => {
    const body = Buffer.from(JSON.stringify({ email: 'renée@test.example', password: 'long-enough-password', name: 'Renée' }), 'latin1');
    for (const contentType of ['application/json; charset=iso-8859-1', 'application/json;charset="windows-1252"', 'application/json; charset=utf-16']) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/signup', headers: { 'content-type': contentType }, payload: body });
      expectRefusal(response, 415, 'unsupported_charset');
    }
    const email = `utf8-${Date.now()}@test.example`;
    const utf8 = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      payload: Buffer.from(JSON.stringify({ email, password: 'long-enough-password', name: 'Renée Ó Briain' }), 'utf8'),
    });
    expect(utf8.statusCode, utf8.body).toBe(201);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: utf8.cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(JSON.stringify(me.json())).toContain('Renée Ó Briain');
  });
});

describe('feeds', () => {
  it('a well-formed Last-Event-ID that this server never issued is 400 invalid_event_id', async () => {
    const stream = await fetch(`${baseUrl}/api/events`, { headers: { accept: 'text/event-stream' } });
    const reader = stream.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const issued = /id: (\S+)/.exec(first)![1]!;
    const [payload, signature] = issued.split('.');
    const forgedPayload = Buffer.from(JSON.stringify([1, null])).toString('base64url');
    for (const id of [forgedPayload, `${forgedPayload}.${signature}`, `${payload}.${'A'.repeat(signature!.length)}`]) {
      const response = await fetch(`${baseUrl}/api/events`, { headers: { 'last-event-id': id } });
      expect(response.status, id).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_event_id', message: expect.any(String) });
    }
    const resumed = await fetch(`${baseUrl}/api/events?lastEventId=${encodeURIComponent(issued)}`);
    expect(resumed.status).toBe(200);
    await resumed.body!.cancel();
  });

  it('a bare CR and control characters in a stored course title never reach /api/calendar.ics raw', async () => {
    const title = `Legacy\rX-INJECTED:yes\u0007\u0000 title ${Date.now()}`;
    await insertCourseWithSession(couch, { title, start: new Date(Date.now() + 9 * 86_400_000) });
    const response = await fetch(`${baseUrl}/api/calendar.ics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('SUMMARY:Legacy\\nX-INJECTED:yes title');
    expect(text.split('\r\n').some((line) => line.startsWith('X-INJECTED'))).toBe(false);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
  });
});
