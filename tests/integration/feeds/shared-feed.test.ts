import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { getEventListeners } from 'node:events';
import { couchAs } from '../../../couch/client';
import { FOLLOWER_QUEUE_LIMIT, FollowerTooSlow, SharedFeed, seqNumber } from '../../../sync-server/feeds/shared-feed';
import type { TestApp } from '../../helpers/build-app';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';
import { listenTestApp } from '../../helpers/listen';
import { openSse, type SseStream } from './sse';

const couch = inject('couch');
const STREAMS = 25;
let app: TestApp;
let baseUrl: string;
const streams: SseStream[] = [];
beforeAll(async () => {
  ({ app, baseUrl } = await listenTestApp({ eventStreamsPerAddress: STREAMS }));
});
afterAll(async () => {
  streams.forEach((stream) => stream.close());
  await app.close();
});

const open = async () => {
  const stream = await openSse(`${baseUrl}/api/events`);
  streams.push(stream);
  if (stream.status === 200) await stream.until(() => stream.lastId() !== '');
  return stream;
};

it(`${STREAMS} streams share one upstream feed, all get each event; one more from the same address is 429 until one closes`, async () => {
  const opened = await Promise.all(Array.from({ length: STREAMS }, open));
  expect(opened.map((s) => s.status)).toEqual(Array(STREAMS).fill(200));
  expect(app.feeds.catalog.followers).toBe(STREAMS);

  const refused = await fetch(`${baseUrl}/api/events`);
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('10');
  expect(await refused.json()).toMatchObject({ error: 'too_many_streams' });

  const { session } = await insertCourseWithSession(couch, { title: 'Shared feed course', start: new Date(Date.UTC(2032, 2, 1 + (process.pid % 28), 9)) });
  await Promise.all(opened.map((s) => s.until((events) => events.some((e) => (e.data as { sessionId?: string }).sessionId === session._id))));

  opened[0]!.close();
  await expect.poll(() => app.feeds.catalog.followers).toBe(STREAMS - 1);
  const again = await open();
  expect(again.status).toBe(200);
});

it('a follower that lets too many changes pile up is cut off; the feed stops when its last follower leaves', async () => {
  // A scratch database of its own, read as its admin: Apache CouchDB makes new databases admin-only.
  const server = couchAs(couch.url, couch.admin);
  const db = `rft_feed_${process.pid}_${Date.now()}`;
  await server.db.create(db);
  const feed = new SharedFeed(server, db);
  const stop = new AbortController();
  const follower = feed.follow(await feed.position(), stop.signal);
  const first = follower.next();
  await server.use(db).insert({ _id: 'first' });
  expect((await first).value).toMatchObject({ id: 'first' });
  // The follower reads no further while the database changes more than it may keep waiting.
  await server.use(db).bulk({ docs: Array.from({ length: FOLLOWER_QUEUE_LIMIT + 150 }, (_, i) => ({ _id: `doc-${i}` })) });
  const { update_seq: written } = (await server.request({ db, method: 'GET' })) as { update_seq: number };
  await expect.poll(async () => seqNumber(await feed.position()), { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(seqNumber(written));
  const read: unknown[] = [];
  const error = await (async () => {
    for (let next = await follower.next(); !next.done; next = await follower.next()) read.push(next.value);
  })().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FollowerTooSlow);
  expect(feed.followers).toBe(0);
  await feed.close();
}, 60_000);

it('reads leave no listener on a signal that outlives them: a long-lived follower keeps one, a reused longpoll signal none', async () => {
  const server = couchAs(couch.url, couch.admin);
  const db = `rft_feed_listeners_${process.pid}_${Date.now()}`;
  await server.db.create(db);
  const feed = new SharedFeed(server, db);
  await server.use(db).bulk({ docs: Array.from({ length: 250 }, (_, i) => ({ _id: `doc-${i}` })) });

  const stop = new AbortController();
  const follower = feed.follow(0, stop.signal);
  // Catching up from the start reads three pages with this signal.
  for (let i = 0; i < 250; i++) await follower.next();
  expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1);

  const longpolls = new AbortController();
  for (let i = 0; i < 3; i++) {
    const since = await feed.position();
    const answered = feed.nextChanges(since, 10, 5_000, longpolls.signal);
    await server.use(db).insert({ _id: `later-${i}` });
    expect((await answered)?.results).toHaveLength(1);
  }
  expect(await feed.nextChanges(await feed.position(), 10, 50, longpolls.signal)).toMatchObject({ results: [] });
  expect(getEventListeners(longpolls.signal, 'abort')).toHaveLength(0);

  stop.abort();
  await follower.return(undefined);
  await feed.close();
}, 30_000);
