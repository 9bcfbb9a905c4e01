import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { findCouchRelease } from './tests/helpers/couchdb/release';

const integration = (name: string, setup: string): TestProjectInlineConfiguration => ({
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: [setup],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

const browser = (name: string, setup: string, exclude: string[] = []): TestProjectInlineConfiguration => ({
  test: {
    name,
    include: ['tests/browser/**/*.test.ts'],
    exclude,
    globalSetup: [setup, 'tests/helpers/global-build.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

// Apache CouchDB runs too when one is reachable: COUCH_URL, or a release found by findCouchRelease.
const release = findCouchRelease() !== undefined;
const couchdb = Boolean(process.env.COUCH_URL) || release;
const couchdbSetup = 'tests/helpers/global-couchdb.ts';
// The app shell's install, offline start, phone layout and preloads never touch the database beyond what the
// other browser tests do; on CouchDB they would only add minutes to CI.
const engineBlind = ['tests/browser/installable.test.ts', 'tests/browser/first-screen-preload.test.ts', 'tests/browser/offline-shell.test.ts', 'tests/browser/booking.mobile.test.ts'];

// The three-node cluster is started from the release; a single COUCH_URL cannot stand in for it.
const cluster: TestProjectInlineConfiguration = {
  test: {
    name: 'cluster:couchdb',
    include: ['tests/cluster/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-cluster.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
};

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      integration('integration', 'tests/helpers/global-couch.ts'),
      {
        test: {
          name: 'first-run',
          include: ['tests/first-run/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
      browser('browser', 'tests/helpers/global-couch.ts'),
      ...(couchdb ? [integration('integration:couchdb', couchdbSetup), browser('browser:couchdb', couchdbSetup, engineBlind)] : []),
      ...(release ? [cluster] : []),
    ],
  },
});
