import PouchDB from 'pouchdb';
import { DB } from '../../domain/databases';
import { attendanceDocId } from '../../domain/doc-ids';
import type { AttendanceDoc } from '../../domain/schemas/attendance';
import type { SessionDoc } from '../../domain/schemas/catalog';

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
  (status: AttendanceDoc['status'], markedBy: string, markedAt: string): AttendanceDoc => ({
    _id: attendanceDocId(session._id, bookingId, 0, 0),
    type: 'attendance',
    sessionId: session._id,
    bookingId,
    attendee: 0,
    day: 0,
    status,
    notes: '',
    markedBy,
    markedAt,
    sessionStart: session.days[0]!.start,
    history: [],
  });
