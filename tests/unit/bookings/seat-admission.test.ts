import { describe, expect, it } from 'vitest';
import { SeatAdmission } from '../../../sync-server/bookings/seat-admission';

const settled = async <T>(promise: Promise<T>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('SeatAdmission', () => {
  it('lets in at once as many seats as are free, and holds back the rest until those in flight are decided', async () => {
    const admission = new SeatAdmission();
    let free = 2;
    const first = await admission.admit('s', 1, () => free);
    const second = await admission.admit('s', 1, () => free);
    const third = admission.admit('s', 1, () => free);
    expect(await settled(third)).toBe(false);
    free = 1;
    first();
    expect(await settled(third)).toBe(false);
    second();
    expect(await settled(third)).toBe(true);
  });

  it('admits when nothing is in flight even if the ledger shows no room: the booking then decides on it', async () => {
    const admission = new SeatAdmission();
    const release = await admission.admit('s', 3, () => 0);
    expect(typeof release).toBe('function');
  });

  it('keeps sessions apart, and a release called twice frees its seats once', async () => {
    const admission = new SeatAdmission();
    const big = await admission.admit('a', 2, () => 3);
    const small = await admission.admit('a', 1, () => 3);
    expect(await settled(admission.admit('b', 2, () => 2))).toBe(true);
    big();
    big();
    const waiting = admission.admit('a', 1, () => 1);
    expect(await settled(waiting)).toBe(false);
    small();
    expect(await settled(waiting)).toBe(true);
  });
});
