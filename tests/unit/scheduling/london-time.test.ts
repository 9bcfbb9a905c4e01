import { describe, expect, it } from 'vitest';
import { addLondonDays, isLondonLocalDateTime, londonDate, londonToUtc, utcToLondon } from '../../../domain/london-time';

describe('London local time → UTC', () => {
  it('reads GMT in winter and BST in summer', () => {
    expect(londonToUtc('2027-01-15T09:30')).toBe('2027-01-15T09:30:00.000Z');
    expect(londonToUtc('2027-07-15T09:30')).toBe('2027-07-15T08:30:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(londonToUtc('2027-03-28T01:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(utcToLondon(londonToUtc('2027-03-28T01:30'))).toBe('2027-03-28T02:30');
  });

  it('takes the earlier (BST) instant of an hour that happens twice in October', () => {
    expect(londonToUtc('2027-10-31T01:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(londonToUtc('2027-10-31T02:30')).toBe('2027-10-31T02:30:00.000Z');
  });

  it('refuses what is not a London date-time', () => {
    expect(isLondonLocalDateTime('2027-02-30T09:30')).toBe(false);
    expect(isLondonLocalDateTime('2027-03-22T09:30Z')).toBe(false);
    expect(() => londonToUtc('tomorrow')).toThrow(RangeError);
  });
});

describe('UTC → London wall clock', () => {
  it('formats either side of the clock changes', () => {
    expect(utcToLondon('2027-03-27T09:30:00.000Z')).toBe('2027-03-27T09:30');
    expect(utcToLondon('2027-03-29T08:30:00.000Z')).toBe('2027-03-29T09:30');
    expect(londonDate('2027-06-30T23:30:00.000Z')).toBe('2027-07-01');
  });
});

describe('adding days in London time', () => {
  it('keeps 09:30 across the March and October changes', () => {
    const before = londonToUtc('2027-03-22T09:30');
    expect(addLondonDays(before, 7)).toBe('2027-03-29T08:30:00.000Z');
    expect(utcToLondon(addLondonDays(londonToUtc('2027-10-30T09:30'), 1))).toBe('2027-10-31T09:30');
    expect(addLondonDays(londonToUtc('2027-10-30T09:30'), 1)).toBe('2027-10-31T09:30:00.000Z');
  });
});
