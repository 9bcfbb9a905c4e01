import { describe, expect, it } from 'vitest';
import { DB } from '../../../domain/databases';
import { certificateCounterDocId } from '../../../domain/doc-ids';
import { attendanceMark } from '../../../domain/mark-docs';
import { users, vdu, view } from './harness';

const ID = '_design/attendance';
const validate = vdu(DB.attendance, ID);

/** The first attendee's first-day mark of one booking, as the roster and the API build it. */
const firstDayMark = (markedBy: string, markedAt: string, status: 'present' | 'late') =>
  attendanceMark({ sessionId: 'session:s', sessionStart: '2030-01-07T09:00:00.000Z', markedBy, now: new Date(markedAt) }, { bookingId: 'booking:b', attendee: 0, day: 0, status, notes: '' });

const counter = { _id: certificateCounterDocId(2026), type: 'certificate-counter', next: 42 };

describe('attendance validate_doc_update: certificate counters', () => {
  it('lets only the sync-server (and admins) write them', () => {
    expect(validate(counter, null, users.sync)).toBe('ok');
    expect(validate(counter, null, users.admin)).toBe('ok');
    for (const user of [users.instructor, users.customer, users.service, users.anonymous]) {
      expect(validate(counter, null, user)).toEqual({ forbidden: 'Only the sync-server issues certificates.' });
      expect(validate({ ...counter, type: 'attendance' }, counter, user)).toEqual({ forbidden: 'Only the sync-server issues certificates.' });
    }
  });

  it('checks the id and the next number', () => {
    expect(validate({ ...counter, _id: 'certificate-counter:next' }, null, users.sync)).toEqual({ forbidden: 'A certificate counter _id is "certificate-counter:<year>".' });
    expect(validate({ ...counter, next: -1 }, null, users.sync)).toEqual({ forbidden: 'A certificate counter needs next, a whole number.' });
  });
});

describe('attendance validate_doc_update: merged marks', () => {
  const mark = firstDayMark(users.instructor.name, '2030-01-07T09:05:00.000Z', 'present');

  it("lets the sync-server write a conflict merge that keeps the winning instructor's name", () => {
    expect(validate(mark, null, users.sync)).toBe('ok');
    expect(validate({ ...mark, markedBy: users.admin.name }, null, users.instructor)).toEqual({ forbidden: 'markedBy must be your own user name.' });
  });
});

describe('attendance views', () => {
  it('certificates_by_expiry keys certificates by [expiry date, id]', () => {
    const map = view(DB.attendance, ID, 'certificates_by_expiry');
    expect(map({ _id: 'certificate:s:b:0', type: 'certificate', expiresOn: '2029-03-10' })).toEqual([[['2029-03-10', 'certificate:s:b:0'], null]]);
    expect(map({ _id: 'attendance:s:b:0:0', type: 'attendance' })).toEqual([]);
  });
});

describe('attendance validate_doc_update: a device writing a merge', () => {
  const other = firstDayMark('assistant@example.com', '2030-01-07T09:25:00.000Z', 'late');

  it("may keep another instructor's winning mark unchanged, adding history", () => {
    const merged = { ...other, history: [{ status: 'absent', notes: '', markedBy: users.instructor.name, markedAt: '2030-01-07T09:05:00.000Z' }] };
    expect(validate(merged, other, users.instructor)).toBe('ok');
  });

  it("may not change another instructor's mark", () => {
    expect(validate({ ...other, status: 'absent' }, other, users.instructor)).toEqual({ forbidden: 'markedBy must be your own user name.' });
    expect(validate(other, null, users.instructor)).toEqual({ forbidden: 'markedBy must be your own user name.' });
  });
});
