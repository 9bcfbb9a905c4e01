import { expect, it } from 'vitest';
import { LoginThrottle } from '../../../sync-server/accounts/login-throttle';

it('locks an account for one address after the allowed failures and unlocks when the window passes', () => {
  const throttle = new LoginThrottle(3, 60_000);
  for (const at of [0, 1_000, 2_000]) {
    expect(throttle.isLocked('10.0.0.1', 'a@b.c', at)).toBe(false);
    throttle.fail('10.0.0.1', 'a@b.c', at);
  }
  expect(throttle.isLocked('10.0.0.1', 'a@b.c', 3_000)).toBe(true);
  expect(throttle.isLocked('10.0.0.1', 'other@b.c', 3_000)).toBe(false);
  expect(throttle.isLocked('10.0.0.1', 'a@b.c', 61_000)).toBe(false);
});

it('never locks the account for another address', () => {
  const throttle = new LoginThrottle(3);
  for (let i = 0; i < 50; i++) throttle.fail('10.0.0.1', 'a@b.c');
  expect(throttle.isLocked('10.0.0.1', 'a@b.c')).toBe(true);
  expect(throttle.isLocked('10.0.0.2', 'a@b.c')).toBe(false);
});

it('forgets failures after a successful log-in', () => {
  const throttle = new LoginThrottle(2);
  throttle.fail('10.0.0.1', 'a@b.c');
  throttle.succeed('10.0.0.1', 'a@b.c');
  throttle.fail('10.0.0.1', 'a@b.c');
  expect(throttle.isLocked('10.0.0.1', 'a@b.c')).toBe(false);
});
