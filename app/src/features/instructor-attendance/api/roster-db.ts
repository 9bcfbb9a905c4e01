import { DB } from '../../../../../domain/databases';
import type { BookingDoc } from '../../../../../domain/schemas/booking';
import type { CertificateDoc } from '../../../../../domain/schemas/attendance';
import { localDb, remoteDb } from '../../../shared/pouch';
import type { MarkDoc } from './resolve-conflicts';

export type AttendanceDbDoc = MarkDoc | CertificateDoc;

/** The device's copies the roster reads: bookings (read-only here) and attendance (read and write). */
export const localBookings = () => localDb<BookingDoc>(DB.bookings);
export const remoteBookings = () => remoteDb<BookingDoc>(DB.bookings);
export const localAttendance = () => localDb<AttendanceDbDoc>(DB.attendance);
export const remoteAttendance = () => remoteDb<AttendanceDbDoc>(DB.attendance);

const DAY_MS = 24 * 3600_000;

/** The roster window: sessions that started up to 7 days ago or start in the next 30 days. */
export const rosterWindow = (now = new Date()) => ({
  from: new Date(now.getTime() - 7 * DAY_MS).toISOString(),
  to: new Date(now.getTime() + 30 * DAY_MS).toISOString(),
});
