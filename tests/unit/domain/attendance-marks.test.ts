import { describe, expect, it } from 'vitest';
import { compareMarks, markOf, mergeMarks } from '../../../domain/attendance-marks';
import { attendanceDocId } from '../../../domain/doc-ids';
import type { AttendanceDoc } from '../../../domain/schemas/attendance';

const id = attendanceDocId('session:s', 'booking:b', 0, 1);
const doc = (status: AttendanceDoc['status'], markedAt: string, markedBy = 'jo@example.com', history: AttendanceDoc['history'] = []): AttendanceDoc => ({
  _id: id,
  type: 'attendance',
  sessionId: 'session:s',
  bookingId: 'booking:b',
  attendee: 0,
  day: 1,
  sessionStart: '2030-01-07T09:00:00.000Z',
  status,
  notes: '',
  markedBy,
  markedAt,
  history,
});

describe('mergeMarks: latest mark wins, the others are kept in history', () => {
  const early = doc('absent', '2030-01-08T09:01:00.000Z', 'tablet@example.com');
  const late = doc('late', '2030-01-08T09:20:00.000Z', 'phone@example.com');

  it('picks the latest markedAt whatever the order of the revisions', () => {
    for (const revisions of [[early, late], [late, early]]) {
      const merged = mergeMarks(revisions);
      expect(merged).toMatchObject({ _id: id, status: 'late', markedBy: 'phone@example.com', markedAt: late.markedAt });
      expect(merged.history).toEqual([{ status: 'absent', notes: '', markedBy: 'tablet@example.com', markedAt: early.markedAt }]);
    }
  });

  it('breaks a tie on markedAt by markedBy, then by content, the same on every device', () => {
    const a = doc('present', '2030-01-08T09:00:00.000Z', 'a@example.com');
    const b = doc('absent', '2030-01-08T09:00:00.000Z', 'b@example.com');
    expect(mergeMarks([a, b]).markedBy).toBe('b@example.com');
    expect(mergeMarks([b, a]).markedBy).toBe('b@example.com');
    const c = doc('present', '2030-01-08T09:00:00.000Z');
    const d = { ...doc('present', '2030-01-08T09:00:00.000Z'), notes: 'Brought own mask' };
    expect(mergeMarks([c, d])).toEqual(mergeMarks([d, c]));
  });

  it('compares instants, not strings, so offsets order correctly', () => {
    const utc = doc('present', '2030-01-08T09:30:00.000Z');
    const offset = doc('absent', '2030-01-08T10:00:00+01:00');
    expect(compareMarks(utc, offset)).toBeGreaterThan(0);
  });

  it('is idempotent and folds histories together without duplicates', () => {
    const merged = mergeMarks([early, late]);
    expect(mergeMarks([merged, merged])).toEqual(merged);
    const devicePast = doc('present', '2030-01-08T09:30:00.000Z', 'tablet@example.com', [markOf(early)]);
    const again = mergeMarks([merged, devicePast]);
    expect(again.status).toBe('present');
    expect(again.history.map((mark) => mark.markedAt)).toEqual([early.markedAt, late.markedAt]);
  });

  it('keeps a newer stored mark when an older one arrives (a device with a slow clock)', () => {
    expect(mergeMarks([late, early])).toEqual(mergeMarks([early, late]));
  });

  it('drops CouchDB bookkeeping from marks', () => {
    const stored = { ...late, _rev: '2-abc', _conflicts: ['2-def'] };
    expect(markOf(stored)).toEqual({ status: 'late', notes: '', markedBy: 'phone@example.com', markedAt: late.markedAt });
    expect(mergeMarks([stored])).not.toHaveProperty('_rev');
  });
});
