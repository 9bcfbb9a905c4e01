import { afterAll, beforeAll, expect, it } from 'vitest';
import { cancelBooking } from '../../../sync-server/bookings/cancel-booking';
import { placeBooking } from '../../../sync-server/bookings/place-booking';
import { buildTestApp } from '../../helpers/build-app';
import { startTestCouch } from '../../helpers/test-couch';
import { attendees, insertSession, readSession } from '../../helpers/bookings';

let server: Awaited<ReturnType<typeof startTestCouch>>;
beforeAll(async () => {
  server = await startTestCouch();
});
afterAll(() => server.stop());

it('with recoveryIntervalSeconds set, the server runs recovery at start-up and stops it on close', async () => {
  const crashed = await buildTestApp({}, server);
  const session = await insertSession(crashed.couch);
  const owner = 'plugin@test.example';
  const placed = await placeBooking({ couch: crashed.couch }, { sessionId: session._id, attendees: attendees(2), owner, contact: { name: 'P', email: owner } });
  if ('refused' in placed) throw new Error('expected a booking');
  const crash = () => {
    throw new Error('crash');
  };
  await expect(cancelBooking({ couch: crashed.couch, afterWrite: crash }, placed.booking._id, false)).rejects.toThrow('crash');
  expect((await readSession(crashed.couch, session._id)).holds).toHaveLength(1);
  await crashed.close();

  const restarted = await buildTestApp({ recoveryIntervalSeconds: 60 }, server);
  await expect.poll(async () => (await readSession(restarted.couch, session._id)).holds, { timeout: 5_000 }).toEqual([]);
  await restarted.close();
});
