import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DB } from '../../../domain/databases';
import type { BookingDoc } from '../../../domain/schemas/booking';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import { as, signUp, type TestApp } from '../../helpers/build-app';
import { bookingsOfSession, readSession } from '../../helpers/bookings';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';
import { listenTestApp } from '../../helpers/listen';
import { memoryPouch, remotePouch } from '../../helpers/node-pouch';
import { openSse, type SseStream } from '../feeds/sse';

const couch = inject('couch');
let app: TestApp;
let baseUrl: string;
let events: SseStream;

beforeAll(async () => {
  ({ app, baseUrl } = await listenTestApp());
  events = await openSse(`${baseUrl}/api/events`);
  await events.until(() => events.lastId() !== '');
});
afterAll(async () => {
  events.close();
  await app.close();
});

it('an anonymous reader of a booked session sees seat counts and opaque hold ids, never a booking id', async () => {
  const start = new Date(Date.UTC(2032, 4, 3 + (process.pid % 200), 9));
  const { course, session } = await insertCourseWithSession(couch, { title: 'Ledger Privacy First Aid', start });
  const { cookie } = await signUp(app);
  for (const seats of [2, 1, 3]) {
    const attendees = Array.from({ length: seats }, (_, i) => ({ name: `Private Attendee ${i + 1}` }));
    const response = await app.inject(as(cookie, { method: 'POST', url: '/api/bookings', payload: { sessionId: session._id, attendees } }));
    expect(response.statusCode, response.body).toBe(201);
  }
  const cancelled = (await bookingsOfSession(app.couch, session._id))[0]!;
  expect((await app.inject(as(cookie, { method: 'DELETE', url: `/api/bookings/${cancelled._id}` }))).statusCode).toBe(200);

  const bookings: BookingDoc[] = await bookingsOfSession(app.couch, session._id);
  const active = bookings.filter((booking) => booking.status === 'confirmed');
  expect(active).toHaveLength(2);
  const ledger = await readSession(app.couch, session._id);
  expect(ledger.holds.map((hold) => hold.holdId).sort()).toEqual(active.map((booking) => booking.holdId).sort());

  const range = `from=${start.toISOString().slice(0, 10)}&to=${new Date(start.getTime() + 86_400_000).toISOString().slice(0, 10)}`;
  const api = await Promise.all(
    [`/api/courses/sessions?${range}`, `/api/calendar/availability?${range}`, '/api/calendar.ics', `/db/${DB.catalog}/${encodeURIComponent(session._id)}`].map(async (path) => {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      return { path, body: await response.text() };
    }),
  );
  const served = JSON.parse(api.at(-1)!.body) as SessionDoc;
  expect(served.holds).toEqual(ledger.holds);
  for (const hold of served.holds) expect(Object.keys(hold).sort()).toEqual(['at', 'holdId', 'seats']);

  const replica = memoryPouch<SessionDoc>();
  await replica.replicate.from(remotePouch(baseUrl, DB.catalog), { filter: 'catalog/by_course', query_params: { courseId: course._id } });
  const replicated = await replica.get(session._id);
  expect(replicated.holds).toEqual(ledger.holds);

  const left = 12 - ledger.holds.reduce((sum, hold) => sum + hold.seats, 0);
  const streamed = await events.until((seen) =>
    seen.some((event) => {
      const data = event.data as { sessionId?: string; seatsLeft?: number };
      return data.sessionId === session._id && data.seatsLeft === left;
    }),
  );

  const published = [...api.map((answer) => `${answer.path}\n${answer.body}`), JSON.stringify(replicated), JSON.stringify(streamed)];
  for (const text of published) {
    for (const booking of bookings) {
      expect(text).not.toContain(booking._id);
      expect(text).not.toContain(booking._id.slice('booking:'.length));
    }
    expect(text).not.toContain('bookingId');
    expect(text).not.toContain('Private Attendee');
  }
});
