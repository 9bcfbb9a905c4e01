import type { Account } from '../../couch/setup/credentials';
import type { AppOptions } from '../../sync-server/app';

/** The app's options under load from one address: many customers log in at once, so the log-in limits are out of the way. */
export const loadOptions = (couch: { url: string; admin: Account; sync: Account }, overrides: Partial<AppOptions> = {}): AppOptions => ({
  couchUrl: couch.url,
  admin: couch.admin,
  sync: couch.sync,
  travelBufferMinutes: 60,
  loginRateLimitPerMinute: 1_000_000,
  loginFailuresPerAccount: 1_000,
  ...overrides,
});
