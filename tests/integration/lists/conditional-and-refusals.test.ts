import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { as, instructorApp, signUp } from '../../helpers/build-app';
import { bulkWrite, listBooking, listCourse, listSession } from '../../helpers/list-fixtures';

const couch = inject('couch');
const { app, instructor } = await instructorApp();
let customer: { email: string; cookie: string };
beforeAll(async () => {
  customer = await signUp(app);
});

const year = 2117 + randomInt(0, 3);
const window = `from=${year}-01-01&to=${year}-12-01`;
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

/**
 * Reads a list, then checks every matching If-None-Match form is 304 with the same ETag; returns that ETag.
 * The course list and the instructor's lists span the whole database, which other test files write to while
 * this runs: when the list really changed in between (a 200 with another ETag), it is read again.
 */
async function conditionalGets(url: string, headers: Record<string, string>, rounds = 5): Promise<string> {
  const first = await get(url, headers);
  expect(first.statusCode, url).toBe(200);
  expect(first.headers['cache-control'], url).toBe(headers.cookie ? 'private, no-cache' : 'no-cache');
  const etag = first.headers.etag as string;
  for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
    const again = await get(url, { ...headers, 'if-none-match': ifNoneMatch });
    if (again.statusCode === 200 && again.headers.etag !== etag && rounds > 1) return conditionalGets(url, headers, rounds - 1);
    expect(again.statusCode, `${url} ${ifNoneMatch}`).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
  }
  expect((await get(url, { ...headers, 'if-none-match': '"other"' })).statusCode).toBe(200);
  return etag;
}

describe('ETag and 304 on every list', () => {
  it('answers 304 with no body to a matching If-None-Match, and a new ETag once the list changes', async () => {
    const course = listCourse();
    const session = listSession(course, new Date(Date.UTC(year, 2, 3, 9)));
    await bulkWrite(couch, DB.catalog, [course, session]);
    await bulkWrite(couch, DB.bookings, [listBooking(session, customer.email)]);
    const lists: [string, Record<string, string>][] = [
      [`/api/courses/sessions?${window}`, {}],
      [`/api/calendar/availability?${window}`, {}],
      ['/api/courses?limit=500', {}],
      [`/api/bookings?${window}`, { cookie: customer.cookie }],
      [`/api/bookings?${window}`, { cookie: instructor }],
      ['/api/certificates', { cookie: customer.cookie }],
      ['/api/certificates/expiring', { cookie: instructor }],
    ];
    const etags: string[] = [];
    for (const [url, headers] of lists) {
      const etag = await conditionalGets(url, headers);
      expect(etag, url).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      etags.push(etag);
    }

    await bulkWrite(couch, DB.catalog, [listSession(course, new Date(Date.UTC(year, 2, 4, 9))), listCourse()]);
    await bulkWrite(couch, DB.bookings, [listBooking(session, customer.email)]);
    for (const [index, [url, headers]] of lists.slice(0, 5).entries()) {
      const changed = await get(url, { ...headers, 'if-none-match': etags[index]! });
      expect(changed.statusCode, url).toBe(200);
      expect(changed.headers.etag, url).not.toBe(etags[index]);
    }
  });

  it('gives every page its own ETag', async () => {
    const course = listCourse();
    await bulkWrite(couch, DB.catalog, [1, 2, 3].map((day) => listSession(course, new Date(Date.UTC(year, 4, day, 9)))));
    const url = `/api/courses/sessions?courseId=${encodeURIComponent(course._id)}&${window}&limit=2`;
    const first = await get(url);
    const second = await get(`${url}&cursor=${encodeURIComponent(first.json().next)}`);
    expect(second.json().sessions).toHaveLength(1);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    expect((await get(`${url}&cursor=${encodeURIComponent(first.json().next)}`, { 'if-none-match': second.headers.etag as string })).statusCode).toBe(304);
  });
});

describe('bad list parameters', () => {
  it('are 400 invalid_request naming the parameter in a sentence', async () => {
    const sessions = (await get(`/api/courses/sessions?${window}&limit=1`)).json();
    const refused: [string, Record<string, string>, string, string][] = [
      ['/api/courses/sessions?limit=0', {}, 'limit', 'Give a whole number from 1 to 500.'],
      ['/api/courses/sessions?limit=501', {}, 'limit', 'Give a whole number from 1 to 500.'],
      ['/api/courses?limit=ten', {}, 'limit', 'Give a whole number from 1 to 500.'],
      ['/api/calendar/availability?from=soon', {}, 'from', 'Use a date like 2027-03-22 or a date-time.'],
      ['/api/courses/sessions?from=2031-06-02&to=2031-06-01', {}, 'to', 'to must be after from.'],
      ['/api/courses/sessions?cursor=nonsense', {}, 'cursor', 'This cursor was not given for this list and query.'],
      [`/api/courses/sessions?${window}&location=A&limit=1&cursor=${encodeURIComponent(sessions.next)}`, {}, 'cursor', 'This cursor was not given for this list and query.'],
      [`/api/calendar/availability?${window}&limit=1&cursor=${encodeURIComponent(sessions.next)}`, {}, 'cursor', 'This cursor was not given for this list and query.'],
      ['/api/bookings?sessionId=session:x&from=2031-06-01', { cookie: customer.cookie }, 'sessionId', 'Give sessionId or a from/to window, not both'],
      ['/api/bookings?limit=-3', { cookie: instructor }, 'limit', 'Give a whole number from 1 to 500.'],
      ['/api/certificates?from=2031-06-02&to=2031-06-01', { cookie: customer.cookie }, 'to', 'to must not be before from.'],
      ['/api/certificates/expiring?days=400', { cookie: instructor }, 'days', 'Give a whole number of days from 1 to 366.'],
    ];
    for (const [url, headers, field, sentence] of refused) {
      const response = await get(url, headers);
      expect(response.statusCode, url).toBe(400);
      const body = response.json();
      expect(body.error, url).toBe('invalid_request');
      expect(body.message, url).toContain(`${field}: ${sentence}`);
      expect(body.fields.map((f: { field: string }) => f.field), url).toContain(field);
    }
  });

  it("refuses one caller's bookings cursor to another", async () => {
    const other = await signUp(app);
    const course = listCourse();
    const session = listSession(course, new Date(Date.UTC(year, 6, 1, 9)));
    await bulkWrite(couch, DB.catalog, [session]);
    await bulkWrite(couch, DB.bookings, [listBooking(session, customer.email), listBooking(session, customer.email)]);
    const url = `/api/bookings?sessionId=${encodeURIComponent(session._id)}&limit=1`;
    const { next } = (await app.inject(as(customer.cookie, { method: 'GET', url }))).json();
    expect(next).toEqual(expect.any(String));
    const stolen = await app.inject(as(other.cookie, { method: 'GET', url: `${url}&cursor=${encodeURIComponent(next)}` }));
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().fields).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});
