import { describe, expect, it } from 'vitest';
import { londonToUtc, utcToLondon } from '../../../domain/london-time';
import { courseDays, occurrences } from '../../../domain/recurrence';
import { MAX_OCCURRENCES, recurrenceSchema } from '../../../domain/schemas/recurrence';
import { findClashes } from '../../../domain/schedule-overlap';
import { createSessionRequest } from '../../../domain/schemas/scheduling';

const day = (start: string, end: string) => ({ start: londonToUtc(start), end: londonToUtc(end) });
const weekly = (count: number, interval = 1) => recurrenceSchema.parse({ frequency: 'weekly', interval, count });

describe('recurrence in London local time', () => {
  it('keeps a weekly 09:30 session at 09:30 across 2027-03-28 and 2027-10-31', () => {
    const spring = occurrences([day('2027-03-22T09:30', '2027-03-22T16:30')], weekly(3));
    expect(spring.map((o) => utcToLondon(o[0]!.start))).toEqual(['2027-03-22T09:30', '2027-03-29T09:30', '2027-04-05T09:30']);
    expect(spring.map((o) => o[0]!.start)).toEqual(['2027-03-22T09:30:00.000Z', '2027-03-29T08:30:00.000Z', '2027-04-05T08:30:00.000Z']);
    const autumn = occurrences([day('2027-10-25T09:30', '2027-10-25T16:30')], weekly(2));
    expect(autumn.map((o) => utcToLondon(o[0]!.start))).toEqual(['2027-10-25T09:30', '2027-11-01T09:30']);
    expect(autumn[1]![0]!.start).toBe('2027-11-01T09:30:00.000Z');
  });

  it('repeats daily with an interval, and moves every day of a multi-day session', () => {
    const first = [day('2031-06-02T09:00', '2031-06-02T16:30'), day('2031-06-03T09:00', '2031-06-03T16:30')];
    const series = occurrences(first, recurrenceSchema.parse({ frequency: 'daily', interval: 7, count: 2 }));
    expect(series[1]!.map((d) => utcToLondon(d.start))).toEqual(['2031-06-09T09:00', '2031-06-10T09:00']);
  });

  it('stops at until (a London date, inclusive)', () => {
    const series = occurrences([day('2031-06-02T09:00', '2031-06-02T12:00')], recurrenceSchema.parse({ frequency: 'weekly', until: '2031-06-16' }));
    expect(series).toHaveLength(3);
  });

  it('lays out a multi-day course on consecutive days at its daily hours', () => {
    const days = courseDays({ durationDays: 3, dailyStart: '09:00', dailyEnd: '16:30' }, '2027-03-27');
    expect(days.map((d) => utcToLondon(d.start))).toEqual(['2027-03-27T09:00', '2027-03-28T09:00', '2027-03-29T09:00']);
    expect(days[2]!.end).toBe('2027-03-29T15:30:00.000Z');
  });
});

describe('recurrence limits', () => {
  const base = { courseId: 'course:efaw', location: 'A', start: '2031-06-02T09:00', end: '2031-06-02T16:30' };

  it('allows 52 occurrences and refuses more, by count or by until', () => {
    expect(createSessionRequest.safeParse({ ...base, recurrence: { frequency: 'weekly', count: MAX_OCCURRENCES } }).success).toBe(true);
    const byCount = createSessionRequest.safeParse({ ...base, recurrence: { frequency: 'weekly', count: 53 } });
    expect(byCount.error?.issues[0]?.path).toEqual(['recurrence', 'count']);
    const byUntil = createSessionRequest.safeParse({ ...base, recurrence: { frequency: 'daily', until: '2031-12-31' } });
    expect(byUntil.error?.issues[0]?.path).toEqual(['recurrence', 'until']);
  });

  it('wants exactly one of count and until', () => {
    expect(createSessionRequest.safeParse({ ...base, recurrence: { frequency: 'weekly' } }).success).toBe(false);
    expect(createSessionRequest.safeParse({ ...base, recurrence: { frequency: 'weekly', count: 2, until: '2031-07-01' } }).success).toBe(false);
  });

  it('refuses a series whose sessions overlap each other', () => {
    const days = [day('2031-06-02T09:00', '2031-06-02T16:30'), day('2031-06-03T09:00', '2031-06-03T16:30')];
    const result = createSessionRequest.safeParse({ courseId: 'c', location: 'A', days, recurrence: { frequency: 'daily', count: 3 } });
    expect(result.error?.issues[0]?.path).toEqual(['recurrence', 'interval']);
  });
});

describe('a series that clashes on its 5th occurrence', () => {
  it('names that occurrence and the session it clashes with', () => {
    const series = occurrences([day('2031-06-02T09:00', '2031-06-02T16:30')], weekly(8));
    const scheduled = [{ sessionId: 'session:busy', location: 'B' as const, days: [day('2031-06-30T16:00', '2031-06-30T18:00')] }];
    const clashes = findClashes(series.map((days) => ({ location: 'A' as const, days })), scheduled, 60);
    expect(clashes.map((c) => c.occurrence)).toEqual([5]);
    expect(clashes[0]!.clashes[0]!.sessionId).toBe('session:busy');
  });
});
