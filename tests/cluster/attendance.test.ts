import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveLocalConflicts } from '../../app/src/features/instructor-attendance/api/resolve-conflicts';
import { couchAs } from '../../couch/client';
import { DB } from '../../domain/databases';
import { attendanceDocId } from '../../domain/doc-ids';
import type { AttendanceDoc } from '../../domain/schemas/attendance';
import { createUser } from '../../sync-server/accounts/users';
import { logIn, uniqueEmail } from '../helpers/build-app';
import { memoryPouch } from '../helpers/node-pouch';
import { insertSessionWithBookings } from '../helpers/roster-fixtures';
import { INSTRUCTOR } from '../helpers/test-couch';
import { sync, syncServerOn, viaNode } from './stack';
import { deviceRemote, firstDayMark } from '../helpers/attendance-devices';

type Stack = Awaited<ReturnType<typeof syncServerOn>>;
let tabletServer: Stack;
let phoneServer: Stack;
let cookies: { tablet: string; phone: string };
const phoneUser = uniqueEmail('assistant');

beforeAll(async () => {
  [tabletServer, phoneServer] = await Promise.all([syncServerOn(0), syncServerOn(1)]);
  const couch = viaNode(1);
  await createUser(couchAs(couch.url, couch.admin), { name: phoneUser, password: 'assistant-secret', roles: ['instructor'], fullName: 'Assistant' });
  cookies = { tablet: await logIn(tabletServer.app, INSTRUCTOR.email, INSTRUCTOR.password), phone: await logIn(phoneServer.app, phoneUser, 'assistant-secret') };
});
afterAll(async () => {
  await Promise.all([tabletServer?.app.close(), phoneServer?.app.close()]);
});


it('marks of one attendee from two devices through two nodes converge: the latest wins everywhere, the other is in history', async () => {
  const { session, bookings } = await insertSessionWithBookings(viaNode(0), {
    title: `Cluster conflicts ${Date.now()}`,
    start: new Date(),
    bookings: [{ owner: uniqueEmail(), attendees: [{ name: 'Sam Two-Nodes' }] }],
  });
  const mark = firstDayMark(session, bookings[0]!._id);
  const id = attendanceDocId(session._id, bookings[0]!._id, 0, 0);
  const devices = {
    tablet: { local: memoryPouch<AttendanceDoc>(), remote: deviceRemote(tabletServer.baseUrl, cookies.tablet) },
    phone: { local: memoryPouch<AttendanceDoc>(), remote: deviceRemote(phoneServer.baseUrl, cookies.phone) },
  };
  await devices.tablet.local.put(mark('absent', INSTRUCTOR.email, '2030-01-01T09:05:00.000Z'));
  await devices.phone.local.put(mark('late', phoneUser, '2030-01-01T09:25:00.000Z'));
  await Promise.all([devices.phone.local.replicate.to(devices.phone.remote), devices.tablet.local.replicate.to(devices.tablet.remote)]);

  // Read through each node: both must settle on the same merged document with no conflict left.
  for (const node of [0, 1, 2]) {
    const db = couchAs(viaNode(node).url, sync).use<AttendanceDoc>(DB.attendance);
    await expect.poll(async () => (await db.get(id, { conflicts: true }))._conflicts ?? [], { timeout: 20_000, interval: 250 }).toEqual([]);
    expect(await db.get(id)).toMatchObject({ status: 'late', markedBy: phoneUser });
  }

  for (const device of [devices.tablet, devices.phone]) {
    await device.local.replicate.from(device.remote, { filter: 'attendance/roster', query_params: { from: session.days[0]!.start } });
    await resolveLocalConflicts(device.local, [id]);
    const onDevice = await device.local.get(id, { conflicts: true });
    expect(onDevice._conflicts ?? []).toEqual([]);
    expect(onDevice).toMatchObject({ status: 'late', markedBy: phoneUser });
    expect(onDevice.history).toEqual([{ status: 'absent', notes: '', markedBy: INSTRUCTOR.email, markedAt: '2030-01-01T09:05:00.000Z' }]);
  }
});
