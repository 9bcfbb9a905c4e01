import { describe, expect, it } from 'vitest';
import { mergeMarks } from '../../../domain/attendance-marks';
import { assessmentMark, attendanceMark } from '../../../domain/mark-docs';
import { assessmentDoc, attendanceDoc } from '../../../domain/schemas/attendance';

const context = { sessionId: 'session:s1', sessionStart: '2031-06-03T08:00:00.000Z', markedBy: 'instructor@example.test', now: new Date('2031-06-03T08:05:00Z') };

describe('one mark builder for the device and the API', () => {
  it('builds an attendance mark the schema accepts, with its id, stamp and empty history', () => {
    const mark = attendanceMark(context, { bookingId: 'booking:b1', attendee: 1, day: 0, status: 'late', notes: 'Traffic' });
    expect(attendanceDoc.parse(mark)).toEqual(mark);
    expect(mark).toMatchObject({ _id: expect.stringContaining('session:s1'), type: 'attendance', markedAt: '2031-06-03T08:05:00.000Z', history: [] });
  });

  it('builds an assessment with marks only when there are some', () => {
    const withMarks = assessmentMark(context, { bookingId: 'booking:b1', attendee: 0, result: 'pass', marks: 18, notes: '' });
    const without = assessmentMark(context, { bookingId: 'booking:b1', attendee: 0, result: 'fail', marks: undefined, notes: '' });
    expect(assessmentDoc.parse(withMarks)).toEqual(withMarks);
    expect('marks' in without).toBe(false);
    expect(without._id).toBe(withMarks._id);
  });

  it('a newer mark built the same way wins the merge and keeps the older one in history', () => {
    const first = attendanceMark(context, { bookingId: 'booking:b1', attendee: 0, day: 0, status: 'absent', notes: '' });
    const later = attendanceMark({ ...context, now: new Date('2031-06-03T08:20:00Z') }, { bookingId: 'booking:b1', attendee: 0, day: 0, status: 'late', notes: '' });
    const merged = mergeMarks([first, later]);
    expect(merged.status).toBe('late');
    expect(merged.history).toEqual([expect.objectContaining({ status: 'absent' })]);
  });
});
