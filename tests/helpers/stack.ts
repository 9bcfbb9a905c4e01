import { fileURLToPath } from 'node:url';
import type { AppOptions } from '../../sync-server/app';
import { listenTestApp } from './listen';
import type { TestCouch } from './test-couch';

export const BUILT_APP = fileURLToPath(new URL('../../dist/app', import.meta.url));

/** The sync-server serving the built PWA on a free port, against the shared test CouchDB. */
export const startStack = (overrides: Partial<AppOptions> = {}, couch?: TestCouch) =>
  listenTestApp({ staticDir: BUILT_APP, ...overrides }, couch);
