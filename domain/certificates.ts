import type { AssessmentResult, AttendanceStatus } from './schemas/attendance';

export type IneligibleReason =
  | { code: 'not-marked' | 'absent' | 'left-early'; day: number }
  | { code: 'not-assessed' | 'assessment-failed' };

export interface Eligibility {
  eligible: boolean;
  reasons: IneligibleReason[];
}

/**
 * The certificate rule: present or late on every day of the session (never absent or left early)
 * and an assessment recorded as passed. `days` holds one entry per course day, undefined when unmarked.
 */
export function certificateEligibility(days: readonly (AttendanceStatus | undefined)[], assessment: AssessmentResult | undefined): Eligibility {
  const reasons: IneligibleReason[] = [];
  days.forEach((status, day) => {
    if (status === undefined) reasons.push({ code: 'not-marked', day });
    else if (status === 'absent' || status === 'left-early') reasons.push({ code: status, day });
  });
  if (assessment === undefined) reasons.push({ code: 'not-assessed' });
  else if (assessment === 'fail') reasons.push({ code: 'assessment-failed' });
  return { eligible: reasons.length === 0, reasons };
}

export const describeReason = (reason: IneligibleReason): string => {
  switch (reason.code) {
    case 'not-marked':
      return `day ${reason.day + 1} not marked`;
    case 'absent':
      return `absent on day ${reason.day + 1}`;
    case 'left-early':
      return `left early on day ${reason.day + 1}`;
    case 'not-assessed':
      return 'no assessment recorded';
    case 'assessment-failed':
      return 'assessment not passed';
  }
};

const SEQUENCE_DIGITS = 6;

/** RFT-2026-000042: the year of issue and that year's sequence number. */
export const certificateNumber = (year: number, sequence: number): string =>
  `RFT-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;

/**
 * Calendar-month arithmetic on YYYY-MM-DD dates. A day that does not exist in the target month
 * falls back to its last day (29 Feb 2024 + 36 months = 28 Feb 2027), so a certificate never
 * runs past the validity it was sold with.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Expiry = issue date + the course's validity in months. */
export const certificateExpiry = (issuedOn: string, validityMonths: number): string => addMonths(issuedOn, validityMonths);
