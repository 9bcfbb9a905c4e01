import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BookingDoc } from '../../domain/schemas/booking';
import { recoverBookings } from '../../sync-server/bookings/recovery';
import { attendees, bookingsOfSession, createCustomers, insertSession, ledgerAgrees, readSession } from '../helpers/bookings';
import { nodes, syncServerOn } from './stack';

type Stack = Awaited<ReturnType<typeof syncServerOn>>;
let one: Stack;
let two: Stack;
beforeAll(async () => {
  [one, two] = await Promise.all([syncServerOn(0), syncServerOn(1)]);
});
afterAll(async () => {
  await Promise.all([one?.app.close(), two?.app.close()]);
});

async function book(stack: Stack, authorization: string, sessionId: string) {
  const response = await fetch(`${stack.baseUrl}/api/bookings`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId, attendees: attendees(1) }),
  });
  const body = (await response.json()) as { booking?: { id: string }; error?: string };
  return { status: response.status, id: body.booking?.id, error: body.error };
}

/**
 * After recovery: no conflicting ledger revision, no 201 lost (read by id, from a quorum of copies), and the
 * ledger equals the confirmed bookings. Listing the bookings reads one copy of each shard, which after a
 * node rejoins can lag for a few seconds: that listing is awaited, bounded.
 */
async function expectSettled(stack: Stack, sessionId: string, confirmedIds: string[]) {
  await recoverBookings(stack.app.couch);
  const session = (await stack.app.couch.sync.use('rft_catalog').get(sessionId, { conflicts: true })) as { _conflicts?: string[] };
  expect(session._conflicts ?? []).toEqual([]);
  const byId = await stack.app.couch.sync.use<BookingDoc>('rft_bookings').fetch({ keys: confirmedIds });
  expect(byId.rows.map((row) => ('doc' in row ? row.doc?.status : row.error))).toEqual(confirmedIds.map(() => 'confirmed'));
  await vi.waitFor(
    async () => {
      const { held, booked } = await ledgerAgrees(stack.app.couch, sessionId);
      expect(held).toEqual(booked);
      const stored = await bookingsOfSession(stack.app.couch, sessionId);
      const confirmed = stored.filter((booking) => booking.status === 'confirmed').map((booking) => booking._id);
      expect(confirmed.sort()).toEqual([...confirmedIds].sort());
    },
    { timeout: 30_000, interval: 500 },
  );
}

describe('two sync-servers on two nodes of a 3-node cluster', () => {
  it('race 60 customers for one 12-seat session: at most 12 confirmed, every answer 201 or 409, none lost later', async () => {
    const crowd = await createCustomers(one.app.couch, 60);
    const session = await insertSession(one.app.couch, { capacity: 12 });
    const answers = await Promise.all(crowd.map(({ authorization }, i) => book(i % 2 ? one : two, authorization, session._id)));
    const confirmed = answers.filter((answer) => answer.status === 201).map((answer) => answer.id!);
    expect(confirmed.length).toBeLessThanOrEqual(12);
    expect(confirmed.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.status !== 201).every((answer) => answer.status === 409)).toBe(true);
    await expectSettled(one, session._id, confirmed);
    expect((await readSession(two.app.couch, session._id)).holds).toHaveLength(confirmed.length);
  });

  it('a node killed with kill -9 mid-load: bookings go on through the other two, and nothing confirmed is lost', async () => {
    const crowd = await createCustomers(one.app.couch, 40);
    const sessions = await Promise.all([1, 2, 3, 4].map(() => insertSession(one.app.couch, { capacity: 12 })));
    const third = nodes[2]!;
    const load = crowd.map(async ({ authorization }, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 25));
      return { sessionId: sessions[i % 4]!._id, ...(await book(i % 2 ? one : two, authorization, sessions[i % 4]!._id)) };
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    third.kill();
    const answers = await Promise.all(load);
    expect(await fetch(third.url).then(() => 'up', () => 'down')).toBe('down');
    expect(answers.filter((answer) => answer.status === 201).length).toBe(40);
    await third.start();
    for (const session of sessions) {
      const confirmed = answers.filter((answer) => answer.sessionId === session._id).map((answer) => answer.id!);
      await expectSettled(two, session._id, confirmed);
    }
  });
});
