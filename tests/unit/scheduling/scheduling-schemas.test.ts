import { describe, expect, it } from 'vitest';
import { createCourseRequest, createSessionRequest, sessionsQuery, updateCourseRequest, updateSessionRequest } from '../../../domain/schemas/scheduling';

const base = { courseId: 'course:efaw', location: 'A', start: '2031-06-02T09:00', end: '2031-06-02T16:30' };
const pathsOf = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.'));

describe('session requests', () => {
  it('reads start+end as one London day and defaults capacity to 12', () => {
    const parsed = createSessionRequest.parse(base);
    expect(parsed.days).toEqual([{ start: '2031-06-02T08:00:00.000Z', end: '2031-06-02T15:30:00.000Z' }]);
    expect(parsed.capacity).toBe(12);
    expect(parsed.notes).toBe('');
  });

  it('accepts instants with an offset and normalises them to UTC', () => {
    const parsed = createSessionRequest.parse({ ...base, start: '2031-06-02T09:00+01:00', end: '2031-06-02T16:30:00Z' });
    expect(parsed.days[0]).toEqual({ start: '2031-06-02T08:00:00.000Z', end: '2031-06-02T16:30:00.000Z' });
  });

  it('refuses 13 seats, 0 seats, location C, end before start, days out of order', () => {
    expect(pathsOf(createSessionRequest.safeParse({ ...base, capacity: 13 }))).toEqual(['capacity']);
    expect(pathsOf(createSessionRequest.safeParse({ ...base, capacity: 0 }))).toEqual(['capacity']);
    expect(pathsOf(createSessionRequest.safeParse({ ...base, location: 'C' }))).toEqual(['location']);
    expect(pathsOf(createSessionRequest.safeParse({ ...base, end: '2031-06-02T08:00' }))).toEqual(['end']);
    const days = [
      { start: '2031-06-03T09:00', end: '2031-06-03T16:00' },
      { start: '2031-06-02T09:00', end: '2031-06-02T16:00' },
    ];
    expect(pathsOf(createSessionRequest.safeParse({ ...base, start: undefined, end: undefined, days }))).toEqual(['days.1.start']);
  });

  it('wants days or start+end, not both and not neither', () => {
    expect(pathsOf(createSessionRequest.safeParse({ courseId: 'c', location: 'A' }))).toEqual(['days']);
    expect(pathsOf(createSessionRequest.safeParse({ ...base, days: [{ start: base.start, end: base.end }] }))).toEqual(['days']);
    expect(pathsOf(createSessionRequest.safeParse({ ...base, end: undefined }))).toEqual(['end']);
  });

  it('lets an update change any subset', () => {
    expect(updateSessionRequest.parse({ capacity: 6 })).toEqual({ capacity: 6, days: undefined, location: undefined, notes: undefined });
    expect(updateSessionRequest.safeParse({ capacity: 13 }).success).toBe(false);
  });
});

describe('course requests', () => {
  const course = { code: 'EFAW', title: 'Emergency First Aid at Work', durationDays: 1, dailyStart: '09:00', dailyEnd: '16:30', pricePence: 9500, certificateValidityMonths: 36 };

  it('defaults description and active, and wants the day to end after it starts', () => {
    expect(createCourseRequest.parse(course)).toMatchObject({ description: '', active: true });
    expect(pathsOf(createCourseRequest.safeParse({ ...course, dailyEnd: '08:00' }))).toEqual(['dailyEnd']);
  });

  it('adds no defaults to an update', () => {
    expect(updateCourseRequest.parse({ pricePence: 10000 })).toEqual({ pricePence: 10000 });
  });
});

describe('session queries', () => {
  it('reads dates as London midnight and available as a boolean', () => {
    expect(sessionsQuery.parse({ from: '2031-06-02', available: 'true' })).toMatchObject({ from: '2031-06-01T23:00:00.000Z', available: true });
    expect(sessionsQuery.safeParse({ location: 'C' }).success).toBe(false);
  });
});
