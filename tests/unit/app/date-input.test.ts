import { describe, expect, it } from 'vitest';
import { joinDate } from '../../../app/src/shared/date-input';

describe('the day, month and year boxes', () => {
  it('make an ISO date when they hold a real date, in the UK order they are typed', () => {
    expect(joinDate({ day: '1', month: '9', year: '2032' })).toBe('2032-09-01');
    expect(joinDate({ day: '29', month: '02', year: '2028' })).toBe('2028-02-29');
  });

  it('make nothing from a half-typed, impossible or malformed date', () => {
    expect(joinDate({ day: '1', month: '9', year: '203' })).toBeUndefined();
    expect(joinDate({ day: '29', month: '2', year: '2027' })).toBeUndefined();
    expect(joinDate({ day: '31', month: '4', year: '2032' })).toBeUndefined();
    expect(joinDate({ day: '0', month: '13', year: '2032' })).toBeUndefined();
    expect(joinDate({ day: 'x', month: '1', year: '2032' })).toBeUndefined();
    expect(joinDate({ day: '', month: '', year: '' })).toBeUndefined();
  });
});
