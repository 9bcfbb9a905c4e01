import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { as, signUp, type TestApp } from '../../helpers/build-app';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';
import { listenTestApp } from '../../helpers/listen';
import { newServiceAccount } from './accounts';
import { openSse, type SseEvent, type SseStream } from './sse';

const couch = inject('couch');
let app: TestApp;
let baseUrl: string;
let service: Record<string, string>;
let customer: string;
const streams: SseStream[] = [];

beforeAll(async () => {
  ({ app, baseUrl } = await listenTestApp());
  service = (await newServiceAccount(couch)).headers;
  customer = (await signUp(app)).cookie;
});
afterAll(async () => {
  streams.forEach((stream) => stream.close());
  await app.close();
});

const open = async (headers: Record<string, string> = {}) => {
  const stream = await openSse(`${baseUrl}/api/events`, headers);
  streams.push(stream);
  await stream.until(() => stream.lastId() !== '');
  return stream;
};

let day = 0;
const newSession = () =>
  insertCourseWithSession(couch, { title: 'Events course', start: new Date(Date.UTC(2031, 0, 6 + (process.pid % 300), 9) + ++day * 86_400_000) });

const book = async (sessionId: string, seats = 1) => {
  const attendees = Array.from({ length: seats }, (_, i) => ({ name: `Attendee ${i + 1}` }));
  const response = await app.inject(as(customer, { method: 'POST', url: '/api/bookings', payload: { sessionId, attendees } }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().booking.id as string;
};

interface Subject {
  sessionId: string;
  bookingId?: string;
  rev?: string;
}

/** The events about one session and its bookings, as `name subject`. */
const about = (sessionId: string) => (events: SseEvent[]) =>
  events.filter((event) => (event.data as Subject).sessionId === sessionId).map((event) => `${event.event} ${(event.data as Subject).bookingId ?? sessionId}`);

/** Each document's last revision in these events. */
const latestRevs = (events: SseEvent[]) => new Map(events.map((event) => event.data as Subject).map((data) => [data.bookingId ?? data.sessionId, data.rev]));

describe('GET /api/events', () => {
  it('maps catalog and booking changes to the seed events, booking-confirmed only for service accounts', async () => {
    const forService = await open(service);
    const anonymous = await open();
    const { session } = await newSession();
    const mine = about(session._id);
    for (const stream of [forService, anonymous]) {
      expect(mine(await stream.until((events) => mine(events).length >= 1))).toEqual([`session-created ${session._id}`]);
    }

    const bookingId = await book(session._id, 2);
    const seen = await forService.until((events) => mine(events).length >= 3);
    expect(mine(seen).sort()).toEqual([`booking-confirmed ${bookingId}`, `session-created ${session._id}`, `session-update ${session._id}`]);
    const confirmed = seen.find((event) => event.event === 'booking-confirmed' && (event.data as Subject).bookingId === bookingId)!;
    expect(confirmed.data).toMatchObject({ sessionId: session._id, seats: 2, status: 'confirmed', contact: { email: expect.any(String) } });
    const update = seen.find((event) => event.event === 'session-update' && (event.data as Subject).sessionId === session._id)!;
    expect(update.data).toMatchObject({ seatsLeft: 10, capacity: 12, location: 'A', days: session.days, status: 'scheduled' });

    const publicView = await anonymous.until((events) => mine(events).length >= 2);
    expect(mine(publicView)).toEqual([`session-created ${session._id}`, `session-update ${session._id}`]);
    expect(publicView.some((event) => event.event === 'booking-confirmed')).toBe(false);
  });

  it('resumes after a disconnect from Last-Event-ID with no gap and no repeat', async () => {
    const witness = await open(service);
    const first = await open(service);
    const { session } = await newSession();
    const mine = about(session._id);
    await first.until((events) => mine(events).length >= 1);
    const bookings = [await book(session._id)];
    const before = await first.until((events) => mine(events).length >= 3);
    const resumeId = first.lastId();
    first.close();

    bookings.push(await book(session._id, 3), await book(session._id, 1));
    const catalog = app.couch.sync.use<Record<string, unknown>>('rft_catalog');
    await catalog.insert({ ...(await catalog.get(session._id)), status: 'cancelled' });
    const complete = (ids: string[]) => (events: SseEvent[]) =>
      mine(events).includes(`session-cancelled ${session._id}`) && ids.every((id) => mine(events).includes(`booking-confirmed ${id}`));

    const resumed = await open({ ...service, 'last-event-id': resumeId });
    const after = (await resumed.until(complete(bookings.slice(1)))).filter((event) => mine([event]).length);
    const all = (await witness.until(complete(bookings))).filter((event) => mine([event]).length);
    const mineBefore = before.filter((event) => mine([event]).length);

    // No repeat: nothing delivered before the disconnect comes again.
    const delivered = new Set(mineBefore.map((event) => JSON.stringify(event.data)));
    expect(after.filter((event) => delivered.has(JSON.stringify(event.data)))).toEqual([]);
    // No gap: every document ends at the same revision as for a client that never disconnected.
    expect(latestRevs([...mineBefore, ...after])).toEqual(latestRevs(all));
    // Sorted: a CouchDB database of several shards has no one order of changes across them.
    expect(mine(after).filter((line) => line.startsWith('booking-confirmed')).sort()).toEqual(bookings.slice(1).map((id) => `booking-confirmed ${id}`).sort());
    const ids = [...before, ...after].map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses an id it did not send with 400 {error, message}', async () => {
    const response = await fetch(`${baseUrl}/api/events`, { headers: { 'last-event-id': 'not-a-cursor' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_event_id', message: expect.any(String) });
  });

  it('ends open streams when the app closes', async () => {
    const other = await listenTestApp();
    const stream = await openSse(`${other.baseUrl}/api/events`);
    await stream.until(() => stream.lastId() !== '');
    const started = Date.now();
    await other.app.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    stream.close();
  });
});
