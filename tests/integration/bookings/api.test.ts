import { describe, expect, it } from 'vitest';
import { cancelBooking } from '../../../sync-server/bookings/cancel-booking';
import { as, instructorApp, signUp } from '../../helpers/build-app';

import { attendees, insertSession, ledgerAgrees, readSession } from '../../helpers/bookings';

const { app, instructor } = await instructorApp();

const book = (cookie: string, sessionId: string, seats = 1, headers: Record<string, string> = {}) =>
  app.inject(as(cookie, { method: 'POST', url: '/api/bookings', payload: { sessionId, attendees: attendees(seats) }, headers }));

describe('POST /api/bookings', () => {
  it('confirms a booking with one seat per attendee and holds the seats in the session ledger', async () => {
    const session = await insertSession(app.couch);
    const { cookie } = await signUp(app);
    const response = await book(cookie, session._id, 3);
    expect(response.statusCode).toBe(201);
    const { booking } = response.json();
    expect(booking).toMatchObject({ sessionId: session._id, status: 'confirmed', seats: 3, attendees: attendees(3) });
    expect(booking.id).toMatch(/^booking:/);
    expect((await readSession(app.couch, session._id)).holds).toEqual([{ holdId: booking.holdId, seats: 3, at: expect.any(String) }]);
  });

  it('answers 401 to anonymous callers and 400 invalid_request naming the field', async () => {
    const session = await insertSession(app.couch);
    const anonymous = await app.inject({ method: 'POST', url: '/api/bookings', payload: { sessionId: session._id, attendees: attendees(1) } });
    expect(anonymous.statusCode).toBe(401);
    const { cookie } = await signUp(app);
    const none = await book(cookie, session._id, 0);
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: 'invalid_request', fields: [{ field: 'attendees' }] });
    const thirteen = await book(cookie, session._id, 13);
    expect(thirteen.json().error).toBe('invalid_request');
  });

  it('5 + 5 + 5 on a 12-seat session: two confirmed, the third 409 session_full with seatsLeft 2 and other sessions', async () => {
    const session = await insertSession(app.couch);
    const later = await insertSession(app.couch, { courseId: session.courseId, startsInDays: 900 });
    const customers = await Promise.all([signUp(app), signUp(app), signUp(app)]);
    const answers = await Promise.all(customers.map(({ cookie }) => book(cookie, session._id, 5)));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 201, 409]);
    const refused = answers.find((answer) => answer.statusCode === 409)!.json();
    expect(refused).toMatchObject({ error: 'session_full', seatsLeft: 2 });
    expect(refused.nextSessions).toEqual([{ id: later._id, start: later.days[0]!.start, location: 'A', seatsLeft: 12 }]);
    const { held, booked } = await ledgerAgrees(app.couch, session._id);
    expect(held).toEqual(booked);
    expect(Object.values(held).reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('answers 404 session_not_found, 409 session_cancelled and 409 session_closed once the first day started', async () => {
    const { cookie } = await signUp(app);
    expect((await book(cookie, 'session:does-not-exist')).json().error).toBe('session_not_found');
    const cancelled = await insertSession(app.couch, { status: 'cancelled' });
    const cancelledAnswer = await book(cookie, cancelled._id);
    expect([cancelledAnswer.statusCode, cancelledAnswer.json().error]).toEqual([409, 'session_cancelled']);
    const started = await insertSession(app.couch, { startsInDays: -0.01 });
    const startedAnswer = await book(cookie, started._id);
    expect([startedAnswer.statusCode, startedAnswer.json().error]).toEqual([409, 'session_closed']);
  });

  it('an idempotent retry returns the same booking and takes no second seat', async () => {
    const session = await insertSession(app.couch);
    const { cookie } = await signUp(app);
    const headers = { 'idempotency-key': 'retry-after-timeout-1' };
    const [first, second] = await Promise.all([book(cookie, session._id, 2, headers), book(cookie, session._id, 2, headers)]);
    const third = await book(cookie, session._id, 2, headers);
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([first, second, third].map((answer) => answer.json().booking.id)).size).toBe(1);
    expect((await readSession(app.couch, session._id)).holds).toHaveLength(1);
    const other = await signUp(app);
    const sameKeyOtherUser = await book(other.cookie, session._id, 2, headers);
    expect(sameKeyOtherUser.json().booking.id).not.toBe(first.json().booking.id);
    const reused = await book(cookie, session._id, 3, headers);
    expect([reused.statusCode, reused.json().error]).toEqual([422, 'idempotency_key_reused']);
  });
});

describe('reading and cancelling', () => {
  it('cancel and rebook: the seats come back at once', async () => {
    const session = await insertSession(app.couch, { capacity: 4 });
    const { cookie } = await signUp(app);
    const first = (await book(cookie, session._id, 4)).json().booking;
    expect((await book(cookie, session._id, 1)).json().error).toBe('session_full');
    const cancelled = await app.inject(as(cookie, { method: 'DELETE', url: `/api/bookings/${first.id}` }));
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().booking).toMatchObject({ id: first.id, status: 'cancelled', reason: 'cancelled_by_customer' });
    expect((await readSession(app.couch, session._id)).holds).toEqual([]);
    expect((await book(cookie, session._id, 4)).statusCode).toBe(201);
  });

  it('another customer reading or cancelling a booking gets 404; the instructor may do both', async () => {
    const session = await insertSession(app.couch);
    const owner = await signUp(app);
    const stranger = await signUp(app);
    const { id } = (await book(owner.cookie, session._id)).json().booking;
    expect((await app.inject(as(stranger.cookie, { method: 'GET', url: `/api/bookings/${id}` }))).statusCode).toBe(404);
    expect((await app.inject(as(stranger.cookie, { method: 'DELETE', url: `/api/bookings/${id}` }))).statusCode).toBe(404);
    expect((await app.inject(as(owner.cookie, { method: 'GET', url: `/api/bookings/${id}` }))).json().booking.status).toBe('confirmed');
    expect((await app.inject(as(instructor, { method: 'GET', url: `/api/bookings/${id}` }))).statusCode).toBe(200);
    const cancelled = await app.inject(as(instructor, { method: 'DELETE', url: `/api/bookings/${id}` }));
    expect(cancelled.json().booking).toMatchObject({ status: 'cancelled', reason: 'cancelled_by_instructor' });
  });

  it('a customer lists only their own bookings; the instructor lists all, filtered by session', async () => {
    const session = await insertSession(app.couch);
    const a = await signUp(app);
    const b = await signUp(app);
    const mine = (await book(a.cookie, session._id)).json().booking.id;
    const theirs = (await book(b.cookie, session._id)).json().booking.id;
    const own = (await app.inject(as(a.cookie, { method: 'GET', url: `/api/bookings?sessionId=${encodeURIComponent(session._id)}` }))).json().bookings;
    expect(own.map((booking: { id: string }) => booking.id)).toEqual([mine]);
    const all = await app.inject(as(instructor, { method: 'GET', url: `/api/bookings?sessionId=${encodeURIComponent(session._id)}` }));
    expect(all.json().bookings.map((booking: { id: string }) => booking.id).sort()).toEqual([mine, theirs].sort());
    await app.inject(as(b.cookie, { method: 'DELETE', url: `/api/bookings/${theirs}` }));
    const afterCancel = await app.inject(as(instructor, { method: 'GET', url: `/api/bookings?sessionId=${encodeURIComponent(session._id)}` }));
    expect(afterCancel.json().bookings.find((booking: { id: string }) => booking.id === theirs)).toMatchObject({ status: 'cancelled' });
  });

  it('only the instructor may cancel after the session started', async () => {
    const session = await insertSession(app.couch, { startsInDays: 1 });
    const { cookie } = await signUp(app);
    const { id } = (await book(cookie, session._id)).json().booking;
    const afterStart = { couch: app.couch, now: () => new Date(Date.now() + 2 * 24 * 60 * 60 * 1000) };
    expect((await cancelBooking(afterStart, id, false)).verdict).toBe('session_started');
    expect((await cancelBooking(afterStart, id, true)).booking?.status).toBe('cancelled');
  });
});
