import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { basicAuth, couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { SharedFeed } from '../../../sync-server/feeds/shared-feed';
import type { TestApp } from '../../helpers/build-app';
import { insertCourseWithSession } from '../../helpers/catalog-fixtures';
import { listenTestApp } from '../../helpers/listen';
import { waitingLongpoll } from '../../helpers/waiting-longpoll';
import { openSse } from '../feeds/sse';

const couch = inject('couch');
const WAITERS = 10;

describe('SharedFeed.nextChanges', () => {
  // A scratch database of its own, read as its admin: Apache CouchDB makes new databases admin-only.
  const server = couchAs(couch.url, couch.admin);
  const db = `rft_longpoll_${process.pid}_${Date.now()}`;
  let feed: SharedFeed;
  beforeAll(async () => {
    await server.db.create(db);
    feed = new SharedFeed(server, db);
  });
  afterAll(async () => {
    await feed.close();
    await server.db.destroy(db);
  });

  it('answers every caller at the head with the next change, from one upstream feed', async () => {
    const head = await feed.position();
    const waiting = Array.from({ length: WAITERS }, () => feed.nextChanges(head, 100, 30_000, new AbortController().signal));
    await expect.poll(() => feed.followers).toBe(WAITERS);
    await server.use(db).insert({ _id: 'first' });
    const answers = await Promise.all(waiting);
    expect(answers.map((answer) => answer?.results.map((change) => change.id))).toEqual(Array(WAITERS).fill(['first']));
    expect(new Set(answers.map((answer) => String(answer?.last_seq))).size).toBe(1);
    expect(feed.followers).toBe(0);
  });

  it('leaves a caller that is behind to the database, answers none after the wait, and keeps to the limit', async () => {
    expect(await feed.nextChanges(0, 100, 1_000, new AbortController().signal)).toBeNull();
    const head = await feed.position();
    expect(await feed.nextChanges(String(head), 100, 200, new AbortController().signal)).toEqual({ results: [], last_seq: head });

    const now = await feed.position();
    const limited = feed.nextChanges(now, 2, 30_000, new AbortController().signal);
    await expect.poll(() => feed.followers).toBe(1);
    await server.use(db).bulk({ docs: ['a', 'b', 'c', 'd'].map((_id) => ({ _id })) });
    const page = await limited;
    // A waiting longpoll may wake on the first change alone (the embedded server always does), and
    // Apache CouchDB reads its shards in no fixed order: one or two of the four.
    expect(page?.results.length).toBeGreaterThanOrEqual(1);
    expect(page?.results.length).toBeLessThanOrEqual(2);
    expect(page?.results.every((change) => ['a', 'b', 'c', 'd'].includes(change.id))).toBe(true);
    expect(page?.last_seq).toEqual(page?.results.at(-1)?.seq);
  });

  it('stops waiting when the caller hangs up', async () => {
    const hangUp = new AbortController();
    const waiting = feed.nextChanges(await feed.position(), 100, 30_000, hangUp.signal);
    await expect.poll(() => feed.followers).toBe(1);
    hangUp.abort();
    expect((await waiting)?.results).toEqual([]);
    expect(feed.followers).toBe(0);
  });
});

describe('GET /db/rft_catalog/_changes?feed=longpoll from the head', () => {
  let app: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    ({ app, baseUrl } = await listenTestApp({ eventStreamsPerAddress: WAITERS }));
  });
  afterAll(() => app.close());

  type Changes = { results: { id: string; seq: unknown; changes: { rev: string }[] }[]; last_seq: unknown };
  const upstream = async (since: unknown): Promise<Changes> => {
    const query = new URLSearchParams({ since: String(since), style: 'all_docs' });
    const response = await fetch(`${couch.url}/${DB.catalog}/_changes?${query}`, { headers: { authorization: basicAuth(couch.sync) } });
    return (await response.json()) as Changes;
  };

  it('waits on the shared feed, and answers each caller the changes the database has since its sequence', async () => {
    const query = new URLSearchParams({ feed: 'longpoll', style: 'all_docs', heartbeat: '10000' });
    const polls: Promise<{ status: number; body: Changes; since: unknown }>[] = [];
    for (let waiter = 0; waiter < WAITERS; waiter++) {
      const { response, since } = await waitingLongpoll(app, baseUrl, query);
      polls.push(response.then(async (answer) => ({ status: answer.status, body: (await answer.json()) as Changes, since })));
    }
    await insertCourseWithSession(couch, { title: 'Longpoll course', start: new Date(Date.UTC(2033, 4, 1 + (process.pid % 28), 9)) });
    // Other test files write to the catalog too: a caller may have been woken by their change first.
    for (const { status, body, since } of await Promise.all(polls)) {
      expect(status).toBe(200);
      expect(body.results.length).toBeGreaterThan(0);
      expect(body.last_seq).toEqual(body.results.at(-1)!.seq);
      // By id: a doc another file changed again since is listed by the database with its newer revision.
      expect((await upstream(since)).results.map((change) => change.id)).toEqual(expect.arrayContaining(body.results.map((change) => change.id)));
    }
    await expect.poll(() => app.feeds.catalog.followers).toBe(0);
  });

  it("counts a waiting longpoll against its address's streams, with the event streams", async () => {
    const streams = await Promise.all(Array.from({ length: WAITERS }, () => openSse(`${baseUrl}/api/events`)));
    try {
      expect(streams.map((stream) => stream.status)).toEqual(Array(WAITERS).fill(200));
      const refused = await fetch(`${baseUrl}/db/${DB.catalog}/_changes?feed=longpoll&since=${await app.feeds.catalog.position()}`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('10');
      expect(await refused.json()).toMatchObject({ error: 'too_many_streams', message: expect.stringContaining('streams') });
    } finally {
      streams.forEach((stream) => stream.close());
    }
  });
});
