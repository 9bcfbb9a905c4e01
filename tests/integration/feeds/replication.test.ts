import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import Nano from 'nano';
import { DB } from '../../../domain/databases';
import { as, signUp, type TestApp } from '../../helpers/build-app';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';
import { listenTestApp } from '../../helpers/listen';
import { memoryPouch, remotePouch } from '../../helpers/node-pouch';
import { newServiceAccount } from './accounts';

const couch = inject('couch');
let app: TestApp;
let baseUrl: string;
let service: Record<string, string>;
let customer: string;

beforeAll(async () => {
  ({ app, baseUrl } = await listenTestApp());
  service = (await newServiceAccount(couch)).headers;
  customer = (await signUp(app)).cookie;
});
afterAll(() => app.close());

let offset = 0;
const newSession = () =>
  insertCourseWithSession(couch, { title: 'Feed course', start: new Date(Date.UTC(2033, 2, 1 + (process.pid % 300), 9) + ++offset * 86_400_000) });

const book = async (sessionId: string) => {
  const response = await app.inject(as(customer, { method: 'POST', url: '/api/bookings', payload: { sessionId, attendees: [{ name: 'Feed attendee' }] } }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().booking.id as string;
};

describe('replication feeds for services', () => {
  it('a PouchDB consumer of one course follows the catalog and bookings and sees a later booking arrive', async () => {
    const { course, session } = await newSession();
    const other = await newSession();
    const catalog = memoryPouch();
    const bookings = memoryPouch();
    await catalog.replicate.from(remotePouch(baseUrl, DB.catalog, service), { filter: 'catalog/by_course', query_params: { courseId: course._id } });
    expect((await catalog.allDocs()).rows.map((row) => row.id).sort()).toEqual([course._id, session._id].sort());

    const live = bookings.replicate.from(remotePouch(baseUrl, DB.bookings, service), {
      live: true,
      retry: true,
      filter: 'bookings/feed',
      query_params: { courseId: course._id },
    });
    const arrived = new Promise<string[]>((resolve) => live.on('change', (info) => resolve(info.docs.map((doc) => doc._id))));
    const bookingId = await book(session._id);
    await book(other.session._id);
    expect(await arrived).toEqual([bookingId]);
    live.cancel();
    expect(await bookings.get(bookingId)).toMatchObject({ status: 'confirmed', sessionId: session._id, seats: 1, contact: { email: expect.any(String) } });
    expect((await bookings.allDocs()).rows.map((row) => row.id)).toEqual([bookingId]);
  });

  it('filters the catalog by date window', async () => {
    const { session } = await newSession();
    const local = memoryPouch();
    const day = session.days[0]!;
    const query_params = { from: new Date(Date.parse(day.start) - 3600_000).toISOString(), to: new Date(Date.parse(day.end) + 3600_000).toISOString() };
    await local.replicate.from(remotePouch(baseUrl, DB.catalog), { filter: 'catalog/window', query_params });
    const sessions = (await local.allDocs({ include_docs: true })).rows.filter((row) => (row.doc as { type?: string }).type === 'session');
    expect(sessions.map((row) => row.id)).toContain(session._id);
    for (const row of sessions) {
      const days = (row.doc as unknown as { days: { start: string; end: string }[] }).days;
      expect(days.some((d) => d.start < query_params.to && d.end > query_params.from)).toBe(true);
    }
  });

  it('a PouchDB consumer that stops resumes from its checkpoint and misses nothing', async () => {
    const { course, session } = await newSession();
    const local = memoryPouch();
    const from = () => local.replicate.from(remotePouch(baseUrl, DB.bookings, service), { filter: 'bookings/feed', query_params: { courseId: course._id } });
    const first = await book(session._id);
    await from();
    const second = await book(session._id);
    const third = await book(session._id);
    const resumed = await from();
    // Only the two new bookings were read: the checkpoint held.
    expect(resumed.docs_written).toBe(2);
    expect((await local.allDocs()).rows.map((row) => row.id).sort()).toEqual([first, second, third].sort());
  });

  it('a nano consumer following _changes from a saved seq misses nothing and repeats nothing', async () => {
    const { course, session } = await newSession();
    const server = Nano({ url: baseUrl, headers: service });
    const changes = (since: string | number) =>
      server.request({ path: `db/${DB.bookings}/_changes`, qs: { filter: 'bookings/feed', courseId: course._id, since } }) as Promise<{ results: { id: string }[]; last_seq: string | number }>;
    const first = await book(session._id);
    const start = await changes(0);
    expect(start.results.map((change) => change.id)).toEqual([first]);
    const saved = start.last_seq;

    const later = [await book(session._id), await book(session._id)];
    const next = await changes(saved);
    expect(next.results.map((change) => change.id).sort()).toEqual(later.sort());
    expect((await changes(next.last_seq)).results).toEqual([]);
  });
});
