import { describe, expect, it } from 'vitest';
import { findClashes, selfClashes, slotsClash, type Slot } from '../../../domain/schedule-overlap';

const slot = (location: 'A' | 'B', ...days: [string, string][]): Slot => ({
  location,
  days: days.map(([start, end]) => ({ start: `2031-05-0${start}:00.000Z`, end: `2031-05-0${end}:00.000Z` })),
});
const BUFFER = 60;

describe('the overlap rule', () => {
  it('refuses overlapping sessions at any location', () => {
    expect(slotsClash(slot('A', ['5T09:00', '5T12:00']), slot('A', ['5T11:00', '5T16:00']), BUFFER)).toBe(true);
    expect(slotsClash(slot('A', ['5T09:00', '5T12:00']), slot('B', ['5T11:00', '5T16:00']), BUFFER)).toBe(true);
  });

  it('allows back-to-back at the same venue', () => {
    expect(slotsClash(slot('A', ['5T09:00', '5T12:00']), slot('A', ['5T12:00', '5T16:00']), BUFFER)).toBe(false);
  });

  it('needs the travel buffer between venues, and no more', () => {
    const morning = slot('A', ['5T09:00', '5T12:00']);
    expect(slotsClash(morning, slot('B', ['5T12:30', '5T16:00']), BUFFER)).toBe(true);
    expect(slotsClash(morning, slot('B', ['5T13:00', '5T16:00']), BUFFER)).toBe(false);
    expect(slotsClash(slot('B', ['5T13:00', '5T16:00']), morning, BUFFER)).toBe(false);
  });

  it('applies no buffer when it is zero', () => {
    expect(slotsClash(slot('A', ['5T09:00', '5T12:00']), slot('B', ['5T12:00', '5T16:00']), 0)).toBe(false);
  });

  it('compares every day of multi-day sessions', () => {
    const threeDays = slot('A', ['5T09:00', '5T16:30'], ['6T09:00', '6T16:30'], ['7T09:00', '7T16:30']);
    expect(slotsClash(threeDays, slot('B', ['7T15:00', '7T17:00']), BUFFER)).toBe(true);
    expect(slotsClash(threeDays, slot('A', ['6T17:00', '6T20:00']), BUFFER)).toBe(false);
    expect(slotsClash(threeDays, slot('B', ['6T17:00', '6T20:00']), BUFFER)).toBe(true);
    expect(slotsClash(slot('B', ['4T09:00', '4T16:30'], ['8T09:00', '8T16:30']), threeDays, BUFFER)).toBe(false);
  });

  it('returns every clashing session for every clashing candidate', () => {
    const scheduled = [
      { ...slot('A', ['5T09:00', '5T12:00']), sessionId: 's1' },
      { ...slot('B', ['5T13:30', '5T16:00']), sessionId: 's2' },
      { ...slot('A', ['6T09:00', '6T12:00']), sessionId: 's3' },
    ];
    const result = findClashes([slot('A', ['4T09:00', '4T12:00']), slot('A', ['5T11:00', '5T14:00'])], scheduled, BUFFER);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ occurrence: 2 });
    expect(result[0]!.clashes.map((s) => s.sessionId)).toEqual(['s1', 's2']);
  });

  it('finds candidates that clash with each other', () => {
    expect(selfClashes([slot('A', ['5T09:00', '5T12:00']), slot('B', ['5T12:30', '5T15:00']), slot('A', ['6T09:00', '6T12:00'])], BUFFER)).toEqual([2]);
  });
});
