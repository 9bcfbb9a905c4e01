import { inject } from 'vitest';
import type { AppOptions } from '../../sync-server/app';
import { listenTestApp } from './listen';
import type { TestCouch } from './test-couch';

/** The sync-server serving this run's build of the PWA on a free port, against the shared test CouchDB. */
export const startStack = (overrides: Partial<AppOptions> = {}, couch?: TestCouch) =>
  listenTestApp({ staticDir: inject('builtApp'), ...overrides }, couch);
