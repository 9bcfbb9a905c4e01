import { describe, expect, it } from 'vitest';
import { decideCancel, decideHold, isBookable, mergeHolds } from '../../../domain/booking-rules';

const now = new Date('2030-03-01T12:00:00Z');
const session = (overrides: Partial<Parameters<typeof decideHold>[0]> = {}) => ({
  status: 'scheduled' as const,
  days: [{ start: '2030-03-02T09:30:00Z', end: '2030-03-02T16:30:00Z' }],
  capacity: 12,
  holds: [],
  ...overrides,
});
/** A hold whose opaque id is the one letter repeated, so the tests read by letter. */
const hold = (key: string, seats: number, at = '2030-01-01T09:00:00Z') => ({ holdId: key.repeat(32), seats, at });
const keys = (holds: { holdId: string }[]) => holds.map((h) => h.holdId[0]);

describe('decideHold', () => {
  it('accepts seats that fit', () => {
    expect(decideHold(session({ holds: [hold('a', 10)] }), 2, now)).toBe('ok');
  });

  it('refuses more seats than are left, and never more than the capacity', () => {
    expect(decideHold(session({ holds: [hold('a', 10)] }), 3, now)).toBe('session_full');
    expect(decideHold(session({ capacity: 4 }), 5, now)).toBe('session_full');
  });

  it('refuses a cancelled session before anything else', () => {
    expect(decideHold(session({ status: 'cancelled', holds: [hold('a', 12)] }), 1, now)).toBe('session_cancelled');
  });

  it('closes once the first day has started, or when the session is completed', () => {
    expect(decideHold(session(), 1, new Date('2030-03-02T09:30:00Z'))).toBe('session_closed');
    expect(decideHold(session({ status: 'completed' }), 1, now)).toBe('session_closed');
  });
});

describe('decideCancel', () => {
  const booking = { status: 'confirmed' as const, sessionStart: '2030-03-02T09:30:00Z' };

  it('lets the owner cancel until the session starts, the instructor at any time', () => {
    expect(decideCancel(booking, false, now)).toBe('ok');
    const later = new Date('2030-03-02T10:00:00Z');
    expect(decideCancel(booking, false, later)).toBe('session_started');
    expect(decideCancel(booking, true, later)).toBe('ok');
  });

  it('names bookings that are already cancelled or were never confirmed', () => {
    expect(decideCancel({ ...booking, status: 'cancelled' }, false, now)).toBe('already_cancelled');
    expect(decideCancel({ ...booking, status: 'rejected' }, true, now)).toBe('not_active');
  });
});

describe('isBookable', () => {
  const open = session();
  it('takes a booking while a seat is free and the first day has not started', () => {
    expect(isBookable(open, 1, now)).toBe(true);
  });

  it('refuses a full, cancelled, completed, started or past session', () => {
    expect(isBookable(open, 0, now)).toBe(false);
    expect(isBookable(session({ status: 'cancelled' }), 12, now)).toBe(false);
    expect(isBookable(session({ status: 'completed' }), 12, now)).toBe(false);
    expect(isBookable(open, 12, new Date('2030-03-02T09:30:00Z'))).toBe(false);
    expect(isBookable(open, 12, new Date('2030-04-01T00:00:00Z'))).toBe(false);
  });
});

describe('mergeHolds', () => {
  it('keeps the earliest holds up to the capacity; a later small hold may still fit', () => {
    const left = [hold('a', 5, '2030-01-01T09:00:01Z'), hold('b', 5, '2030-01-01T09:00:02Z')];
    const right = [hold('a', 5, '2030-01-01T09:00:01Z'), hold('c', 5, '2030-01-01T09:00:03Z'), hold('d', 2, '2030-01-01T09:00:04Z')];
    const { kept, cut } = mergeHolds([left, right], 12);
    expect(keys(kept)).toEqual(['a', 'b', 'd']);
    expect(keys(cut)).toEqual(['c']);
  });

  it('is deterministic: same-instant holds are ordered by hold id, whatever the revision order', () => {
    const at = '2030-01-01T09:00:00Z';
    const one = [hold('f', 7, at)];
    const two = [hold('e', 7, at)];
    expect(mergeHolds([one, two], 12)).toEqual(mergeHolds([two, one], 12));
    expect(keys(mergeHolds([one, two], 12).kept)).toEqual(['e']);
  });

  it('keeps every hold whose booking is already confirmed before any earlier unconfirmed one', () => {
    const left = [hold('a', 6, '2030-01-01T09:00:01Z'), hold('b', 6, '2030-01-01T09:00:02Z')];
    const right = [hold('a', 6, '2030-01-01T09:00:01Z'), hold('c', 6, '2030-01-01T09:00:00Z')];
    const { kept, cut } = mergeHolds([left, right], 12, new Set(['a', 'b'].map((key) => key.repeat(32))));
    expect(keys(kept)).toEqual(['a', 'b']);
    expect(keys(cut)).toEqual(['c']);
  });

  it('counts a hold seen in several revisions once, at its earliest instant', () => {
    const { kept } = mergeHolds([[hold('a', 3, '2030-01-01T09:00:05Z')], [hold('a', 3, '2030-01-01T09:00:01Z')]], 12);
    expect(kept).toEqual([hold('a', 3, '2030-01-01T09:00:01Z')]);
  });
});
