import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { as, buildTestApp, signUp, type TestApp } from '../../helpers/build-app';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';

const couch = inject('couch');
let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const parse = (body: string) => new ICAL.Component(ICAL.parse(body));
const events = (calendar: ICAL.Component) => calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
const year = 2034 + (process.pid % 40);

describe('calendar feeds', () => {
  it('GET /api/calendar.ics lists upcoming sessions in London time, summer and winter', async () => {
    const summer = await insertCourseWithSession(couch, { title: 'Summer; first aid, outdoors', start: new Date(`${year}-07-0${1 + (process.pid % 5)}T08:30:00Z`) });
    const winter = await insertCourseWithSession(couch, { title: 'Winter first aid', start: new Date(`${year}-01-1${process.pid % 9}T09:30:00Z`) });
    const response = await app.inject({ method: 'GET', url: '/api/calendar.ics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const calendar = parse(response.body);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const byUid = new Map(events(calendar).map((event) => [event.uid, event]));
    const inSummer = byUid.get(`${summer.session._id}-day1@reactfasttraining.co.uk`)!;
    expect(inSummer.summary).toBe('Summer; first aid, outdoors');
    expect(inSummer.startDate.zone.tzid).toBe('Europe/London');
    expect([inSummer.startDate.hour, inSummer.startDate.minute]).toEqual([9, 30]);
    expect(inSummer.startDate.toJSDate().toISOString()).toBe(summer.session.days[0]!.start);
    expect(inSummer.endDate.toJSDate().toISOString()).toBe(summer.session.days[0]!.end);
    expect(inSummer.description).toBe('12 of 12 seats left.');
    expect(inSummer.location).toBe('Location A');
    const inWinter = byUid.get(`${winter.session._id}-day1@reactfasttraining.co.uk`)!;
    expect([inWinter.startDate.hour, inWinter.startDate.minute]).toEqual([9, 30]);
    expect(inWinter.startDate.toJSDate().toISOString()).toBe(winter.session.days[0]!.start);
  });

  it('gives a customer a secret feed of their own bookings, which they can revoke', async () => {
    const { session } = await insertCourseWithSession(couch, { title: 'My booked course', start: new Date(`${year}-03-0${1 + (process.pid % 5)}T10:00:00Z`) });
    const other = await insertCourseWithSession(couch, { title: 'Not mine', start: new Date(`${year}-03-1${process.pid % 9}T10:00:00Z`) });
    const { cookie } = await signUp(app);
    const booked = await app.inject(as(cookie, { method: 'POST', url: '/api/bookings', payload: { sessionId: session._id, attendees: [{ name: 'A' }, { name: 'B' }] } }));
    expect(booked.statusCode).toBe(201);
    const bookingId = booked.json().booking.id as string;

    expect((await app.inject({ method: 'POST', url: '/api/calendar/token' })).statusCode).toBe(401);
    const issued = await app.inject(as(cookie, { method: 'POST', url: '/api/calendar/token' }));
    expect(issued.statusCode).toBe(201);
    const { path, url } = issued.json() as { path: string; url: string };
    expect(url.endsWith(path)).toBe(true);

    const feed = await app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    const mine = events(parse(feed.body));
    expect(mine.map((event) => event.uid)).toEqual([`${bookingId}-day1@reactfasttraining.co.uk`]);
    expect(mine[0]!.summary).toBe('My booked course');
    expect(mine[0]!.description).toBe('Your booking: 2 seats, confirmed.');
    expect(mine.some((event) => event.summary === other.course.title)).toBe(false);

    const again = await app.inject(as(cookie, { method: 'POST', url: '/api/calendar/token' }));
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const current = (again.json() as { path: string }).path;
    expect((await app.inject({ method: 'GET', url: current })).statusCode).toBe(200);

    expect((await app.inject(as(cookie, { method: 'DELETE', url: '/api/calendar/token' }))).statusCode).toBe(204);
    const revoked = await app.inject({ method: 'GET', url: current });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
    expect((await app.inject(as(cookie, { method: 'DELETE', url: '/api/calendar/token' }))).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/calendar/not-a-token.ics' })).statusCode).toBe(404);
  });
});
