import { expect, it } from 'vitest';
import { LoginThrottle } from '../../../sync-server/accounts/login-throttle';

it('locks an account after the allowed failures and unlocks when the window passes', () => {
  const throttle = new LoginThrottle(3, 60_000);
  for (const at of [0, 1_000, 2_000]) {
    expect(throttle.isLocked('a@b.c', at)).toBe(false);
    throttle.fail('a@b.c', at);
  }
  expect(throttle.isLocked('a@b.c', 3_000)).toBe(true);
  expect(throttle.isLocked('other@b.c', 3_000)).toBe(false);
  expect(throttle.isLocked('a@b.c', 61_000)).toBe(false);
});

it('forgets failures after a successful log-in', () => {
  const throttle = new LoginThrottle(2);
  throttle.fail('a@b.c');
  throttle.succeed('a@b.c');
  throttle.fail('a@b.c');
  expect(throttle.isLocked('a@b.c')).toBe(false);
});
