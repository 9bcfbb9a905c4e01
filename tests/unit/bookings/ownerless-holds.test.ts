import { describe, expect, it } from 'vitest';
import { OwnerlessHolds } from '../../../sync-server/bookings/ownerless-holds';

describe('OwnerlessHolds', () => {
  it('answers a hold only once it has been ownerless for the whole grace period', () => {
    const holds = new OwnerlessHolds();
    expect(holds.overdue(['a'], 0, 120_000)).toEqual(new Set());
    expect(holds.overdue(['a', 'b'], 60_000, 120_000)).toEqual(new Set());
    expect(holds.overdue(['a', 'b'], 120_000, 120_000)).toEqual(new Set(['a']));
    expect(holds.overdue(['a', 'b'], 180_000, 120_000)).toEqual(new Set(['a', 'b']));
  });

  it('starts the clock again for a hold that found its booking in between', () => {
    const holds = new OwnerlessHolds();
    holds.overdue(['a'], 0, 120_000);
    holds.overdue([], 60_000, 120_000);
    expect(holds.overdue(['a'], 150_000, 120_000)).toEqual(new Set());
    expect(holds.overdue(['a'], 270_000, 120_000)).toEqual(new Set(['a']));
  });

  it('with no grace period answers every hold at once', () => {
    expect(new OwnerlessHolds().overdue(['a', 'b'], 5, 0)).toEqual(new Set(['a', 'b']));
  });
});
