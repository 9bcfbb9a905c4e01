import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { DB } from '../../../domain/databases';
import type { BookingDoc } from '../../../domain/schemas/booking';
import { couchClients, type Couch } from '../../../sync-server/plugins/couch';
import { attendees, bookingsOfSession, createCustomers, insertSession, ledgerAgrees } from '../../helpers/bookings';
import { startChildServer, type ChildServer } from '../../helpers/child-server';

const BOOKINGS = 60;
const SESSIONS = 3;
const RECOVERY_BUDGET_MS = 10_000;

const testCouch = inject('couch');
let couch: Couch;
let servers: ChildServer[] = [];
beforeAll(() => {
  couch = couchClients(testCouch);
});
afterAll(async () => {
  for (const server of servers) await server.stop();
});

const book = (url: string, authorization: string, sessionId: string, key: string) =>
  fetch(`${url}/api/bookings`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ sessionId, attendees: attendees(1) }),
    signal: AbortSignal.timeout(20_000),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as { error?: string; booking?: { id: string; holdId: string } } }));

it(`kill -9 of the sync-server during ${BOOKINGS} bookings: the restarted server decides every pending booking in seconds, and retries get final answers`, async () => {
  const customers = await createCustomers(couch, BOOKINGS);
  const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => insertSession(couch)));
  const requests = customers.map((customer, i) => ({ ...customer, sessionId: sessions[i % SESSIONS]!._id, key: randomUUID() }));

  const first = await startChildServer(testCouch);
  servers.push(first);
  // Killed the moment the first pending booking reaches the database, before it can be finished.
  const { update_seq: since } = (await couch.sync.request({ db: DB.bookings, method: 'GET' })) as { update_seq: string | number };
  const inFlight = requests.map((r) => book(first.url, r.authorization, r.sessionId, r.key).catch(() => null));
  const ours = new Set(sessions.map((s) => s._id));
  let cursor = since;
  for (let polls = 0; polls < 200; polls++) {
    const page = (await couch.sync.request({ db: DB.bookings, path: '_changes', qs: { feed: 'longpoll', since: cursor, include_docs: true, timeout: 10_000, heartbeat: 1_000 } })) as {
      results: { doc?: BookingDoc }[];
      last_seq: string | number;
    };
    cursor = page.last_seq;
    if (page.results.some((change) => change.doc?.status === 'pending' && ours.has(change.doc.sessionId))) break;
  }
  await first.crash();
  await Promise.all(inFlight);
  const pendingAfterCrash = (await Promise.all(sessions.map((s) => bookingsOfSession(couch, s._id)))).flat().filter((b) => b.status === 'pending');
  expect(pendingAfterCrash.length, 'the crash should leave bookings half-written').toBeGreaterThan(0);

  const second = await startChildServer(testCouch);
  servers.push(second);
  // Counted from the moment the new process listens: starting Node and loading the app is not recovery.
  const restartedAt = Date.now();
  await expect
    .poll(async () => (await Promise.all(sessions.map((s) => bookingsOfSession(couch, s._id)))).flat().filter((b) => b.status === 'pending').length, {
      timeout: RECOVERY_BUDGET_MS,
      interval: 100,
    })
    .toBe(0);
  const recoveryMs = Date.now() - restartedAt;
  expect(recoveryMs).toBeLessThan(RECOVERY_BUDGET_MS);

  const retries = await Promise.all(requests.map((r) => book(second.url, r.authorization, r.sessionId, r.key)));
  const outcomes = new Set(retries.map((answer) => `${answer.status} ${answer.body.error ?? 'booked'}`));
  expect([...outcomes].every((outcome) => outcome === '201 booked' || outcome === '409 session_full'), [...outcomes].join(', ')).toBe(true);

  for (const session of sessions) {
    const { held, booked } = await ledgerAgrees(couch, session._id);
    expect(held).toEqual(booked);
    const seats = Object.values(held).reduce((sum, n) => sum + n, 0);
    expect(seats).toBeLessThanOrEqual(session.capacity);
    const confirmed = retries.filter((answer, i) => answer.status === 201 && requests[i]!.sessionId === session._id);
    expect(confirmed.map((answer) => answer.body.booking!.holdId).sort()).toEqual(Object.keys(held).sort());
  }
}, 90_000);
