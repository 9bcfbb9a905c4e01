import { expect } from 'vitest';
import { resolveLocalConflicts } from '../../app/src/features/instructor-attendance/api/resolve-conflicts';
import PouchDB from 'pouchdb';
import { DB } from '../../domain/databases';
import { attendanceDocId } from '../../domain/doc-ids';
import type { AttendanceDoc } from '../../domain/schemas/attendance';
import type { SessionDoc } from '../../domain/schemas/catalog';
import { attendanceMark } from '../../domain/mark-docs';
import { uniqueEmail } from './build-app';
import { memoryPouch } from './node-pouch';
import { insertSessionWithBookings } from './roster-fixtures';
import { INSTRUCTOR, type TestCouch } from './test-couch';

/**
 * A device's remote attendance database through a sync-server, with only its own cookie: node
 * PouchDB's own fetch keeps one cookie jar per host, so two devices on one host would end up
 * sending each other's session cookie.
 */
export const deviceRemote = (baseUrl: string, cookie: string) =>
  new PouchDB<AttendanceDoc>(`${baseUrl}/db/${DB.attendance}`, {
    skip_setup: true,
    fetch: (url, options) => {
      const headers = new Headers(options?.headers as HeadersInit);
      headers.set('cookie', cookie);
      return globalThis.fetch(url, { ...options, headers } as RequestInit) as never;
    },
  });

/** Builds a device's mark of the first attendee's first day of one booking, as the roster writes it. */
export const firstDayMark =
  (session: SessionDoc, bookingId: string) =>
  (status: AttendanceDoc['status'], markedBy: string, markedAt: string): AttendanceDoc =>
    attendanceMark({ sessionId: session._id, sessionStart: session.days[0]!.start, markedBy, now: new Date(markedAt) }, { bookingId, attendee: 0, day: 0, status, notes: '' });

/**
 * One attendee marked offline on two devices, each syncing through its own sync-server: absent on
 * the instructor's tablet at 09:05, late on the assistant's phone at 09:25. Nothing is sent yet.
 */
export async function markedOnTwoDevices(
  couch: TestCouch,
  title: string,
  devices: Record<'tablet' | 'phone', { baseUrl: string; cookie: string }>,
  phoneUser: string,
) {
  const { session, bookings } = await insertSessionWithBookings(couch, {
    title: `${title} ${Date.now()}`,
    start: new Date(),
    bookings: [{ owner: uniqueEmail(), attendees: [{ name: `Sam ${title}` }] }],
  });
  const mark = firstDayMark(session, bookings[0]!._id);
  const pair = {
    tablet: { local: memoryPouch<AttendanceDoc>(), remote: deviceRemote(devices.tablet.baseUrl, devices.tablet.cookie) },
    phone: { local: memoryPouch<AttendanceDoc>(), remote: deviceRemote(devices.phone.baseUrl, devices.phone.cookie) },
  };
  await pair.tablet.local.put(mark('absent', INSTRUCTOR.email, '2030-01-01T09:05:00.000Z'));
  await pair.phone.local.put(mark('late', phoneUser, '2030-01-01T09:25:00.000Z'));
  return { session, bookings, id: attendanceDocId(session._id, bookings[0]!._id, 0, 0), devices: pair };
}

/** Each device pulls, resolves whatever conflict it still holds, and shows the phone's later mark with the tablet's in history. */
export async function expectDevicesSettled(devices: Awaited<ReturnType<typeof markedOnTwoDevices>>['devices'], session: SessionDoc, id: string, phoneUser: string) {
  for (const device of [devices.tablet, devices.phone]) {
    await device.local.replicate.from(device.remote, { filter: 'attendance/roster', query_params: { from: session.days[0]!.start } });
    await resolveLocalConflicts(device.local, [id]);
    const onDevice = await device.local.get(id, { conflicts: true });
    expect(onDevice._conflicts ?? []).toEqual([]);
    expect(onDevice).toMatchObject({ status: 'late', markedBy: phoneUser });
    expect(onDevice.history).toEqual([{ status: 'absent', notes: '', markedBy: INSTRUCTOR.email, markedAt: '2030-01-01T09:05:00.000Z' }]);
  }
}
