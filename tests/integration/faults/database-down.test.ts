import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedCouch } from '../../../couch/embedded';
import { attendees, bookingsOfSession, createCustomers, insertSession, ledgerAgrees } from '../../helpers/bookings';
import { buildTestApp, signUp, type TestApp } from '../../helpers/build-app';
import { startTestCouch } from '../../helpers/test-couch';

// A private database: these tests stop and kill it. They drive the embedded server's supervisor
// (stop, crash, restart on the same port); Apache CouchDB's unavailability is the same HTTP failure.
describe.runIf(inject('couch').engine === 'embedded')('the database going away', () => {
  let couch: Awaited<ReturnType<typeof startTestCouch>> & { embedded: NonNullable<Awaited<ReturnType<typeof startTestCouch>>['embedded']> };
  let app: TestApp;
  beforeAll(async () => {
    couch = (await startTestCouch()) as typeof couch;
    app = await buildTestApp({ recoveryIntervalSeconds: 60 }, couch);
  });
  afterAll(async () => {
    await app.close();
    await couch.stop();
  });

  it('every route that needs the database answers 503 unavailable with Retry-After while it is down, and works again once it is back', async () => {
    const session = await insertSession(app.couch);
    const { cookie } = await signUp(app);
    const requests = [
      { method: 'GET', url: '/api/courses' },
      { method: 'GET', url: '/api/courses/sessions' },
      { method: 'GET', url: '/api/calendar/availability' },
      { method: 'GET', url: '/api/calendar.ics' },
      { method: 'GET', url: '/api/events' },
      { method: 'GET', url: '/api/bookings', headers: { cookie } },
      { method: 'POST', url: '/api/bookings', headers: { cookie }, payload: { sessionId: session._id, attendees: attendees(1) } },
      { method: 'GET', url: '/api/certificates', headers: { cookie } },
      { method: 'POST', url: '/api/auth/login', payload: { email: 'someone@test.example', password: 'a-long-password' } },
      { method: 'POST', url: '/api/auth/signup', payload: { email: `down-${randomUUID()}@test.example`, password: 'a-long-password', name: 'Down' } },
      { method: 'GET', url: '/db/rft_catalog' },
      { method: 'GET', url: '/db/rft_catalog/_changes?since=0&limit=1' },
    ] as const;

    const port = Number(new URL(couch.url).port);
    await couch.embedded.stop();
    for (const request of requests) {
      const response = await app.inject(request);
      expect({ url: request.url, status: response.statusCode, error: response.json().error }).toEqual({ url: request.url, status: 503, error: 'unavailable' });
      expect(response.headers['retry-after']).toBe('2');
      expect(response.json().message).toMatch(/not reachable/);
    }

    couch.embedded = await startEmbeddedCouch({ dataDir: couch.dataDir, admin: couch.admin, port });
    const again = await app.inject({ method: 'GET', url: '/api/courses/sessions' });
    expect(again.statusCode).toBe(200);
  });

  it('the database killed during 60 bookings: only 201, 409 session_full or 503 unavailable; pending bookings are finished within seconds; retries get final answers', async () => {
    const customers = await createCustomers(app.couch, 60);
    const sessions = await Promise.all([insertSession(app.couch), insertSession(app.couch), insertSession(app.couch)]);
    const requests = customers.map((customer, i) => ({ ...customer, sessionId: sessions[i % 3]!._id, key: randomUUID() }));
    const book = (r: (typeof requests)[number]) =>
      app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: { authorization: r.authorization, 'idempotency-key': r.key },
        payload: { sessionId: r.sessionId, attendees: attendees(1) },
      });

    let answered = 0;
    const restartsBefore = couch.embedded.restarts();
    const answers = await Promise.all(
      requests.map((r) =>
        book(r).then((answer) => {
          if (++answered === 5) couch.embedded.crash();
          return answer;
        }),
      ),
    );
    const outcomes = new Set(answers.map((answer) => `${answer.statusCode} ${answer.json().error ?? 'booked'}`));
    expect([...outcomes].every((o) => ['201 booked', '409 session_full', '503 unavailable'].includes(o)), [...outcomes].join(', ')).toBe(true);
    expect(outcomes.has('503 unavailable'), 'the crash should refuse some requests').toBe(true);
    for (const answer of answers.filter((a) => a.statusCode === 503)) expect(answer.headers['retry-after']).toBe('2');

    await expect.poll(() => fetch(couch.url).then((r) => r.ok, () => false), { timeout: 10_000 }).toBe(true);
    expect(couch.embedded.restarts()).toBe(restartsBefore + 1);
    const backAt = Date.now();
    await expect
      .poll(async () => (await Promise.all(sessions.map((s) => bookingsOfSession(app.couch, s._id)))).flat().filter((b) => b.status === 'pending').length, {
        timeout: 10_000,
        interval: 100,
      })
      .toBe(0);
    expect(Date.now() - backAt).toBeLessThan(10_000);

    const retries = await Promise.all(requests.map(book));
    const final = new Set(retries.map((answer) => `${answer.statusCode} ${answer.json().error ?? 'booked'}`));
    expect([...final].every((o) => o === '201 booked' || o === '409 session_full'), [...final].join(', ')).toBe(true);
    for (const session of sessions) {
      const { held, booked } = await ledgerAgrees(app.couch, session._id);
      expect(held).toEqual(booked);
      expect(Object.values(held).reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(12);
    }
  }, 90_000);
});
