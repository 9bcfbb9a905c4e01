import { describe, expect, it } from 'vitest';
import { londonToUtc, utcToLondon } from '../../../domain/london-time';
import type { SessionDoc } from '../../../domain/schemas/catalog';
import { EMPTY_SESSION_FORM, parseSessionForm } from '../../../app/src/features/instructor-schedule/api/create-sessions';
import { editValuesOf, parseEditForm } from '../../../app/src/features/instructor-schedule/api/update-session';
import { parseCourseForm } from '../../../app/src/features/instructor-schedule/api/save-course';
import { previewOccurrences } from '../../../app/src/features/instructor-schedule/preview/occurrence-preview';

const session = (id: string, location: 'A' | 'B', start: string, end: string, status: SessionDoc['status'] = 'scheduled'): SessionDoc => ({
  _id: id,
  type: 'session',
  courseId: 'course:efaw',
  courseTitle: `Busy ${id}`,
  location,
  days: [{ start: londonToUtc(start), end: londonToUtc(end) }],
  capacity: 12,
  status,
  notes: '',
  holds: [],
  updatedAt: '2027-01-01T00:00:00.000Z',
});

const durationOf = (id: string) => ({ 'course:efaw': 1, 'course:faw': 3 })[id];
const form = (patch: Partial<typeof EMPTY_SESSION_FORM>) => ({ ...EMPTY_SESSION_FORM, courseId: 'course:efaw', date: '2027-03-15', ...patch });
const weekly = (count: number) => form({ repeat: 'weekly', count: String(count) });
const parsed = (values: typeof EMPTY_SESSION_FORM) => {
  const result = parseSessionForm(values, durationOf);
  if (!result.success) throw new Error(result.error.issues[0]!.message);
  return result.data;
};
const buffer = { travelBufferMinutes: 60 };

describe('the session preview', () => {
  it('lists a weekly series in London time, staying at 09:00 across the March clock change', () => {
    const preview = previewOccurrences(parsed(weekly(4)), [], buffer);
    expect(preview.map((o) => [o.occurrence, utcToLondon(o.days[0]!.start), o.clashes.length])).toEqual([
      [1, '2027-03-15T09:00', 0],
      [2, '2027-03-22T09:00', 0],
      [3, '2027-03-29T09:00', 0],
      [4, '2027-04-05T09:00', 0],
    ]);
    expect(preview[3]!.days[0]!.start).toBe('2027-04-05T08:00:00.000Z');
  });

  it('marks only the occurrences that clash, with the travel buffer between venues, ignoring cancelled sessions', () => {
    const sessions = [
      session('session:same-venue-after', 'A', '2027-03-22T16:30', '2027-03-22T18:00'),
      session('session:other-venue-too-soon', 'B', '2027-03-29T17:00', '2027-03-29T18:00'),
      session('session:other-venue-in-time', 'B', '2027-04-05T17:30', '2027-04-05T19:00'),
      session('session:cancelled', 'A', '2027-03-15T10:00', '2027-03-15T12:00', 'cancelled'),
    ];
    const preview = previewOccurrences(parsed(weekly(4)), sessions, buffer);
    expect(preview.map((o) => o.clashes.map((c) => c.sessionId))).toEqual([[], [], ['session:other-venue-too-soon'], []]);
    expect(preview[2]!.clashes[0]).toMatchObject({ courseTitle: 'Busy session:other-venue-too-soon', location: 'B' });
  });

  it('gives a multi-day course one day per course day and finds a clash on any of them', () => {
    const request = parsed(form({ courseId: 'course:faw' }));
    expect(request.days.map((day) => utcToLondon(day.start))).toEqual(['2027-03-15T09:00', '2027-03-16T09:00', '2027-03-17T09:00']);
    const preview = previewOccurrences(request, [session('session:wed', 'A', '2027-03-17T12:00', '2027-03-17T13:00')], buffer);
    expect(preview[0]!.clashes.map((c) => c.sessionId)).toEqual(['session:wed']);
  });

  it('leaves out the session being edited', () => {
    const own = session('session:own', 'A', '2027-03-15T09:00', '2027-03-15T16:30');
    expect(previewOccurrences({ location: 'A', days: own.days }, [own], { ...buffer, ignore: own._id })[0]!.clashes).toEqual([]);
  });

  it('ends a series on a London date, and refuses more than 52 or a course it does not know', () => {
    expect(previewOccurrences(parsed(form({ repeat: 'daily', interval: '2', ends: 'until', until: '2027-03-21' })), [], buffer)).toHaveLength(4);
    const tooLong = parseSessionForm(weekly(53), durationOf);
    expect(tooLong.success).toBe(false);
    const unknown = parseSessionForm(form({ courseId: 'course:gone' }), durationOf);
    expect(!unknown.success && unknown.error.issues[0]!.message).toBe('Choose a course.');
    const backwards = parseSessionForm(form({ startTime: '16:00', endTime: '09:00' }), durationOf);
    expect(!backwards.success && backwards.error.issues[0]!.message).toBe('The end must be after the start.');
  });
});

describe('the edit and course forms', () => {
  it('round-trips a stored session through the edit form in London time', () => {
    const stored = session('session:x', 'B', '2027-10-31T09:30', '2027-10-31T12:00');
    const values = editValuesOf(stored);
    expect(values.days).toEqual([{ date: '2027-10-31', start: '09:30', end: '12:00' }]);
    const result = parseEditForm({ ...values, capacity: '8', days: [{ date: '2027-11-01', start: '09:30', end: '12:00' }] });
    expect(result.success && result.data).toMatchObject({ location: 'B', capacity: 8, days: [{ start: '2027-11-01T09:30:00.000Z', end: '2027-11-01T12:00:00.000Z' }] });
    const tooBig = parseEditForm({ ...values, capacity: '13' });
    expect(!tooBig.success && tooBig.error.issues[0]!.path).toEqual(['capacity']);
  });

  it('reads the price in pounds and the active checkbox', () => {
    const base = { code: 'EFAW-2', title: 'Emergency First Aid', description: '', durationDays: '1', dailyStart: '09:00', dailyEnd: '16:30', certificateValidityMonths: '36' };
    const result = parseCourseForm({ ...base, price: '95.50' });
    expect(result.success && result.data).toMatchObject({ pricePence: 9550, active: false, durationDays: 1 });
    expect(parseCourseForm({ ...base, price: '95', active: 'on' })).toMatchObject({ success: true, data: { pricePence: 9500, active: true } });
    const badPrice = parseCourseForm({ ...base, price: '£95' });
    expect(!badPrice.success && badPrice.error.issues[0]!.path).toEqual(['price']);
  });
});
