import { afterAll, beforeAll, expect, it } from 'vitest';
import { couchAs } from '../../couch/client';
import { DB } from '../../domain/databases';
import type { AttendanceDoc } from '../../domain/schemas/attendance';
import { createUser } from '../../sync-server/accounts/users';
import { logIn, uniqueEmail } from '../helpers/build-app';
import { INSTRUCTOR } from '../helpers/test-couch';
import { sync, syncServerOn, viaNode } from './stack';
import { expectDevicesSettled, markedOnTwoDevices } from '../helpers/attendance-devices';

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
  const { session, id, devices } = await markedOnTwoDevices(
    viaNode(0),
    'Two-Nodes',
    { tablet: { baseUrl: tabletServer.baseUrl, cookie: cookies.tablet }, phone: { baseUrl: phoneServer.baseUrl, cookie: cookies.phone } },
    phoneUser,
  );
  await Promise.all([devices.phone.local.replicate.to(devices.phone.remote), devices.tablet.local.replicate.to(devices.tablet.remote)]);

  // Read through each node: both must settle on the same merged document with no conflict left.
  for (const node of [0, 1, 2]) {
    const db = couchAs(viaNode(node).url, sync).use<AttendanceDoc>(DB.attendance);
    await expect.poll(async () => (await db.get(id, { conflicts: true }))._conflicts ?? [], { timeout: 20_000, interval: 250 }).toEqual([]);
    expect(await db.get(id)).toMatchObject({ status: 'late', markedBy: phoneUser });
  }

  await expectDevicesSettled(devices, session, id, phoneUser);
});
