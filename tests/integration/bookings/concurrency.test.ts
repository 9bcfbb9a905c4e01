import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app';
import { listenTestApp } from '../../helpers/listen';
import { startTestCouch, type RunningTestCouch } from '../../helpers/test-couch';
import { attendees, bookingsOfSession, createCustomers, insertSession, ledgerAgrees, readSession } from '../../helpers/bookings';

const CROWD = 200;

// A database of its own: recovery tests in other files finish every pending booking they find.
let couch: RunningTestCouch;
let app: TestApp;
let crowd: { name: string; authorization: string }[];
beforeAll(async () => {
  couch = await startTestCouch();
  app = await buildTestApp({}, couch);
  crowd = await createCustomers(app.couch, CROWD);
});
afterAll(async () => {
  await app?.close();
  await couch?.stop();
});

const bookOne = (authorization: string, sessionId: string) =>
  app.inject({ method: 'POST', url: '/api/bookings', headers: { authorization }, payload: { sessionId, attendees: attendees(1) } });

describe('zero overbooking under concurrency', () => {
  it(`${CROWD} customers each booking 1 seat on one 12-seat session: exactly 12 confirmed, every other answer 409 session_full, the crowd mostly writing nothing`, async () => {
    const session = await insertSession(app.couch);
    const answers = await Promise.all(crowd.map(({ authorization }) => bookOne(authorization, session._id)));
    const tally = answers.reduce<Record<string, number>>((count, answer) => {
      const outcome = answer.statusCode === 201 ? '201' : `${answer.statusCode} ${answer.json().error}`;
      return { ...count, [outcome]: (count[outcome] ?? 0) + 1 };
    }, {});
    expect(tally).toEqual({ '201': 12, '409 session_full': CROWD - 12 });
    const confirmed = answers.filter((answer) => answer.statusCode === 201);
    const { held, booked } = await ledgerAgrees(app.couch, session._id);
    expect(held).toEqual(booked);
    expect(Object.keys(held).sort()).toEqual(confirmed.map((answer) => answer.json().booking.holdId).sort());
    const stored = await bookingsOfSession(app.couch, session._id);
    expect(stored.filter((booking) => booking.status === 'confirmed')).toHaveLength(12);
    // The crowd beyond the seats waits for the bookings in flight and is refused without writing;
    // without that, every one of the 188 wrote a pending booking and then its rejection.
    expect(stored.length, `booking documents written: ${stored.map((booking) => booking.status).join(', ')}`).toBeLessThan(24);
  }, 60_000);

  it('two sync-server instances on one CouchDB racing over real HTTP never overbook', async () => {
    const session = await insertSession(app.couch, { capacity: 10 });
    const [one, two] = await Promise.all([listenTestApp({}, couch), listenTestApp({}, couch)]);
    try {
      const racers = crowd.slice(0, 60);
      const answers = await Promise.all(
        racers.map(({ authorization }, i) =>
          fetch(`${(i % 2 ? one : two).baseUrl}/api/bookings`, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify({ sessionId: session._id, attendees: attendees(1) }),
          }).then(async (response) => ({ status: response.status, body: (await response.json()) as { error?: string } })),
        ),
      );
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
      expect(answers.every((answer) => answer.status === 201 || (answer.status === 409 && answer.body.error === 'session_full'))).toBe(true);
      expect((await readSession(app.couch, session._id)).holds).toHaveLength(10);
      const { held, booked } = await ledgerAgrees(app.couch, session._id);
      expect(held).toEqual(booked);
    } finally {
      await Promise.all([one.app.close(), two.app.close()]);
    }
  }, 60_000);
});
