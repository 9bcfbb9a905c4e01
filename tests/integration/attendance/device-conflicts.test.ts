import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { couchAs } from '../../../couch/client';
import { DB } from '../../../domain/databases';
import { attendanceDocId } from '../../../domain/doc-ids';
import type { AttendanceDoc } from '../../../domain/schemas/attendance';
import { createUser } from '../../../sync-server/accounts/users';
import { logIn, uniqueEmail } from '../../helpers/build-app';
import { listenTestApp } from '../../helpers/listen';
import { memoryPouch } from '../../helpers/node-pouch';
import { insertSessionWithBookings } from '../../helpers/roster-fixtures';
import { INSTRUCTOR } from '../../helpers/test-couch';
import { deviceRemote, expectDevicesSettled, markedOnTwoDevices } from '../../helpers/attendance-devices';

let stack: Awaited<ReturnType<typeof listenTestApp>>;
let cookies: { tablet: string; phone: string };
let phoneUser: string;

beforeAll(async () => {
  const couch = inject('couch');
  stack = await listenTestApp();
  phoneUser = uniqueEmail('assistant');
  await createUser(couchAs(couch.url, couch.admin), { name: phoneUser, password: 'assistant-secret', roles: ['instructor'], fullName: 'Assistant' });
  cookies = { tablet: await logIn(stack.app, INSTRUCTOR.email, INSTRUCTOR.password), phone: await logIn(stack.app, phoneUser, 'assistant-secret') };
});
afterAll(() => stack.app.close());


it('resolves the same attendee marked on two offline devices: the latest mark wins on each, the other is kept in history', async () => {
  // Both offline: the phone marks later, so it must win whichever device syncs first.
  const { session, id, devices } = await markedOnTwoDevices(
    inject('couch'),
    'Both-Devices',
    { tablet: { baseUrl: stack.baseUrl, cookie: cookies.tablet }, phone: { baseUrl: stack.baseUrl, cookie: cookies.phone } },
    phoneUser,
  );
  await devices.phone.local.replicate.to(devices.phone.remote);
  await devices.tablet.local.replicate.to(devices.tablet.remote);

  // CouchDB keeps both as conflicting revisions; the sync-server merges them.
  const server = couchAs(inject('couch').url, inject('couch').sync).use<AttendanceDoc>(DB.attendance);
  await expect.poll(async () => (await server.get(id, { conflicts: true }))._conflicts ?? [], { timeout: 10_000, interval: 250 }).toEqual([]);
  expect(await server.get(id)).toMatchObject({ status: 'late', markedBy: phoneUser });

  // Each device pulls, resolves whatever conflict it still holds, and shows the same mark and history.
  await expectDevicesSettled(devices, session, id, phoneUser);
});

it('merges conflicting revisions on the server too, as Apache CouchDB stores them', async () => {
  const couch = inject('couch');
  const { session, bookings } = await insertSessionWithBookings(couch, {
    title: `Server conflicts ${Date.now()}`,
    start: new Date(),
    bookings: [{ owner: uniqueEmail(), attendees: [{ name: 'Alex Cluster' }] }],
  });
  const id = attendanceDocId(session._id, bookings[0]!._id, 0, 1);
  const base = { _id: id, type: 'attendance', sessionId: session._id, bookingId: bookings[0]!._id, attendee: 0, day: 1, notes: '', sessionStart: session.days[0]!.start, history: [] };
  const sibling = (hash: string, status: string, markedBy: string, markedAt: string) => ({ ...base, status, markedBy, markedAt, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } });
  const server = couchAs(couch.url, couch.sync).use<AttendanceDoc>(DB.attendance);
  // Written as siblings in one request: how two cluster nodes could each have accepted one.
  await server.bulk({ docs: [sibling('c'.repeat(32), 'present', phoneUser, '2030-01-02T09:10:00.000Z'), sibling('d'.repeat(32), 'left-early', INSTRUCTOR.email, '2030-01-02T15:00:00.000Z')] as never[], new_edits: false });
  expect((await server.get(id, { conflicts: true }))._conflicts).toHaveLength(1);

  await expect.poll(async () => (await server.get(id, { conflicts: true }))._conflicts ?? [], { timeout: 10_000, interval: 250 }).toEqual([]);
  const resolved = await server.get(id);
  expect(resolved).toMatchObject({ status: 'left-early', markedBy: INSTRUCTOR.email });
  expect(resolved.history).toEqual([{ status: 'present', notes: '', markedBy: phoneUser, markedAt: '2030-01-02T09:10:00.000Z' }]);
});

it('carries a mark changed after it first synced to the server', async () => {
  const { session, bookings } = await insertSessionWithBookings(inject('couch'), {
    title: `Re-mark ${Date.now()}`,
    start: new Date(),
    bookings: [{ owner: uniqueEmail(), attendees: [{ name: 'Robin Changed-Mind' }] }],
  });
  const id = attendanceDocId(session._id, bookings[0]!._id, 0, 0);
  const device = { local: memoryPouch<AttendanceDoc>(), remote: deviceRemote(stack.baseUrl, cookies.tablet) };
  const first = {
    _id: id,
    type: 'attendance' as const,
    sessionId: session._id,
    bookingId: bookings[0]!._id,
    attendee: 0,
    day: 0,
    status: 'present' as const,
    notes: '',
    markedBy: INSTRUCTOR.email,
    markedAt: '2030-01-03T09:00:00.000Z',
    sessionStart: session.days[0]!.start,
    history: [],
  };
  const { rev } = await device.local.put(first);
  await device.local.replicate.to(device.remote);
  await device.local.put({ ...first, _rev: rev, status: 'left-early', notes: 'Left at lunch', markedAt: '2030-01-03T13:00:00.000Z' });
  await device.local.replicate.to(device.remote);
  const server = couchAs(inject('couch').url, inject('couch').sync).use<AttendanceDoc>(DB.attendance);
  expect(await server.get(id)).toMatchObject({ status: 'left-early', notes: 'Left at lunch' });
});
