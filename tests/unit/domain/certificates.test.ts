import { describe, expect, it } from 'vitest';
import { addMonths, certificateEligibility, certificateExpiry, certificateNumber, describeReason } from '../../../domain/certificates';

describe('certificateEligibility', () => {
  it('needs present or late on every day and a passed assessment', () => {
    expect(certificateEligibility(['present', 'late', 'present'], 'pass')).toEqual({ eligible: true, reasons: [] });
  });

  it('names every reason it is not', () => {
    const result = certificateEligibility(['absent', undefined, 'left-early'], 'fail');
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      { code: 'absent', day: 0 },
      { code: 'not-marked', day: 1 },
      { code: 'left-early', day: 2 },
      { code: 'assessment-failed' },
    ]);
    expect(result.reasons.map(describeReason)).toEqual(['absent on day 1', 'day 2 not marked', 'left early on day 3', 'assessment not passed']);
    expect(certificateEligibility(['present'], undefined).reasons).toEqual([{ code: 'not-assessed' }]);
  });
});

describe('certificate numbers', () => {
  it('are RFT-<year>-<six-digit sequence>', () => {
    expect(certificateNumber(2026, 1)).toBe('RFT-2026-000001');
    expect(certificateNumber(2026, 123456)).toBe('RFT-2026-123456');
    expect(certificateNumber(2026, 1234567)).toBe('RFT-2026-1234567');
  });
});

describe('expiry dates', () => {
  it('add the validity in calendar months', () => {
    expect(certificateExpiry('2026-03-10', 36)).toBe('2029-03-10');
    expect(certificateExpiry('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-15');
  });

  it('never run past the validity: 29 February falls back to the 28th', () => {
    expect(certificateExpiry('2024-02-29', 36)).toBe('2027-02-28');
    expect(certificateExpiry('2024-02-29', 48)).toBe('2028-02-29');
  });
});
